import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Select, Switch, TreeSelect, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { AppealKind, Channel } from '@minsheng/contracts';
import { isApiError } from '../api/errors';
import { useNotify } from '../components/notify';
import { defineMessages, useI18n, useMessages } from '../i18n';
import { HumanCheck } from './HumanCheck';
import { portalApi } from './portal-api';
import type { AreaOption, Submitted } from './portal-api';
import { usePortalConfig } from './PortalApp';
import { categoryTree } from './category-tree';

const M = defineMessages({
  zh: {
    channel: '写给', accused: '被举报单位（可选）', filesLost: '诉求已登记，但附件未能保存，请拨打 12345 补充材料。',
    title: '我要写信', intro: '请如实填写。带 * 的为必填项。提交后您会得到诉求编号和查询码，凭它们查询进度、评价结果。',
    kind: '诉求类型', category: '问题分类（可不选）', area: '发生地（输入街道、乡镇或社区名称）', subject: '标题', content: '详细内容',
    contentHint: '请写明时间、地点、经过和您的诉求', files: '照片或材料（可选）', addFiles: '添加图片或 PDF', filesHint: '最多 {max} 个，每个不超过 {mb} MB，仅限图片和 PDF',
    name: '姓名', phone: '手机号码', address: '联系地址（可选）', confidential: '为我的身份保密', publish: '同意在留言板公开（个人信息会被隐去）',
    reportNote: '举报件自动保密：您的身份只有承办人员可见，不会告知被举报单位或个人，也不会公开。', check: '验证', submit: '提交',
    required: '请填写{field}', phoneBad: '请输入 11 位手机号码', tooMany: '最多只能添加 {max} 个附件', tooBig: '“{name}”超过 {mb} MB',
    badType: '“{name}”不是图片或 PDF', done: '提交成功', number: '诉求编号', queryCode: '查询码',
    keep: '请记下编号和查询码（也已通过短信发送到您的手机）。凭它们可以随时查询办理进度。', trackIt: '查询进度', another: '再写一封', noArea: '没有找到，请换个名称',
  },
  en: {
    channel: 'Send to', accused: 'Unit reported (optional)', filesLost: 'Your appeal is registered, but its files could not be kept; call 12345 to add them.',
    title: 'Write to us', intro: 'Fields with * are required. You will get a number and a query code to follow and rate your appeal.',
    kind: 'Kind', category: 'Category (optional)', area: 'Where (type a street, town or community)', subject: 'Title', content: 'Details',
    contentHint: 'When, where, what happened and what you ask for', files: 'Photos or documents (optional)', addFiles: 'Add images or PDF', filesHint: 'Up to {max}, {mb} MB each, images and PDF only',
    name: 'Name', phone: 'Mobile phone', address: 'Address (optional)', confidential: 'Keep my identity confidential', publish: 'May be published on the message board (personal data removed)',
    reportNote: 'Reports are confidential: only the handling staff see who you are; the reported unit or person never does, and nothing is published.', check: 'Check', submit: 'Submit',
    required: 'Please fill in {field}', phoneBad: 'Enter an 11-digit mobile number', tooMany: 'At most {max} attachments', tooBig: '"{name}" is over {mb} MB',
    badType: '"{name}" is not an image or PDF', done: 'Sent', number: 'Number', queryCode: 'Query code',
    keep: 'Note the number and query code (also sent to your phone by SMS). Use them to follow your appeal.', trackIt: 'Track it', another: 'Write another', noArea: 'Nothing found; try another name',
  },
});

interface Values {
  channel: Channel; accusedUnitId?: string;
  kind: AppealKind; categoryId?: string; areaCode: string; title: string; content: string; name: string; phone: string; address?: string;
  confidential: boolean; consentPublish: boolean; humanCheckAnswer: string;
}

const TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];

/** The area picker: the jurisdiction's real area tree, searched by name on the server. */
function AreaPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const m = useMessages(M);
  const [options, setOptions] = useState<AreaOption[]>([]);
  const ctrl = useRef<AbortController | null>(null);
  const search = useCallback((q: string) => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    portalApi.areas(q, c.signal).then((r) => setOptions(r.items), () => undefined);
  }, []);
  return (
    <Select id={id} showSearch value={value} onChange={onChange} filterOption={false} onSearch={search} onFocus={() => { if (!options.length) search(''); }}
      notFoundContent={m('noArea')} options={options.map((a) => ({ value: a.code, label: a.path }))} />
  );
}

/** The unit a report (举报) is about: the public directory's units, searchable; it keeps that unit off the case. */
function AccusedUnit({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const [units, setUnits] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => { portalApi.directory().then((d) => setUnits(d.units.map((u) => ({ value: u.id, label: u.name }))), () => undefined); }, []);
  return <Select id={id} allowClear showSearch optionFilterProp="label" value={value} onChange={onChange} options={units} />;
}

/** 我要写信: a citizen's appeal with photos, checked on the phone first and by the server for real. */
export default function WritePage() {
  const m = useMessages(M);
  const { label } = useI18n();
  const notify = useNotify();
  const config = usePortalConfig();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [checkKey, setCheckKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const kind = Form.useWatch('kind', form);
  // A report (举报) is always confidential and never published: show it so (the server enforces it regardless).
  useEffect(() => { if (kind === 'report') form.setFieldsValue({ confidential: true, consentPublish: false }); }, [kind, form]);
  const tree = useMemo(() => categoryTree(config.categories), [config.categories]);
  const mb = config.limits.maxFileBytes / 1024 / 1024;
  const req = (field: string) => [{ required: true, whitespace: true, message: m('required', { field }) }];

  function addFiles(list: FileList | null) {
    setFileError(null);
    const next = [...files];
    for (const f of Array.from(list ?? [])) {
      if (next.length >= config.limits.maxFiles) { setFileError(m('tooMany', { max: config.limits.maxFiles })); break; }
      if (f.size > config.limits.maxFileBytes) { setFileError(m('tooBig', { name: f.name, mb })); continue; }
      if (f.type && !TYPES.includes(f.type)) { setFileError(m('badType', { name: f.name })); continue; }
      next.push(f);
    }
    setFiles(next);
    if (picker.current) picker.current.value = '';
  }

  async function submit(v: Values) {
    const data = new FormData();
    const report = v.kind === 'report';
    const fields: Record<string, string | undefined> = {
      channel: v.channel, accusedUnitId: report ? v.accusedUnitId : undefined, kind: v.kind, categoryId: v.categoryId, areaCode: v.areaCode, title: v.title, content: v.content, name: v.name, phone: v.phone, address: v.address,
      confidential: String(report || v.confidential), consentPublish: String(!report && v.consentPublish), humanCheckToken: token, humanCheckAnswer: v.humanCheckAnswer,
    };
    for (const [k, value] of Object.entries(fields)) if (value !== undefined && value !== '') data.append(k, value);
    for (const f of files) data.append('files', f, f.name);
    setBusy(true);
    try {
      setDone(await portalApi.submit(data));
      window.scrollTo(0, 0);
    } catch (e) {
      notify.error(e);
      // A used or wrong check cannot be tried again: ask a new one.
      if (isApiError(e, 'HUMAN_CHECK_FAILED') || isApiError(e, 'RATE_LIMITED')) setCheckKey((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const onToken = useCallback((t: string) => setToken(t), []);

  if (done) {
    return (
      <Card>
        <Result status="success" title={m('done')} subTitle={m('keep')} extra={[
          <Link key="track" to="/track" state={{ number: done.number, queryCode: done.queryCode }}><Button type="primary">{m('trackIt')}</Button></Link>,
          <Button key="again" onClick={() => { setDone(null); setFiles([]); form.resetFields(); setCheckKey((n) => n + 1); }}>{m('another')}</Button>,
        ]}>
          {done.attachmentsSaved === false ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={m('filesLost')} /> : null}
          <Flex vertical gap={8} align="center" data-testid="portal-submitted">
            <div>{m('number')}：<Typography.Text copyable className="portal-code" data-testid="portal-number">{done.number}</Typography.Text></div>
            <div>{m('queryCode')}：<Typography.Text copyable className="portal-code" data-testid="portal-query-code">{done.queryCode}</Typography.Text></div>
          </Flex>
        </Result>
      </Card>
    );
  }

  return (
    <Card title={m('title')}>
      <Typography.Paragraph type="secondary">{m('intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ channel: config.channels.includes('web') ? 'web' : config.channels[0], kind: config.kinds.includes('complaint') ? 'complaint' : config.kinds[0], confidential: false, consentPublish: false }}
        scrollToFirstError requiredMark>
        <Form.Item name="channel" label={m('channel')}>
          <Radio.Group optionType="button" options={config.channels.map((c) => ({ value: c, label: label('channel', c) }))} />
        </Form.Item>
        <Form.Item name="kind" label={m('kind')} rules={[{ required: true, message: m('required', { field: m('kind') }) }]}>
          <Radio.Group optionType="button" options={config.kinds.map((k) => ({ value: k, label: label('kind', k) }))} />
        </Form.Item>
        {kind === 'report' ? (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={m('reportNote')} />
            <Form.Item name="accusedUnitId" label={m('accused')}><AccusedUnit /></Form.Item>
          </>
        ) : null}
        <Form.Item name="categoryId" label={m('category')}>
          <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeData={tree} popupMatchSelectWidth />
        </Form.Item>
        <Form.Item name="areaCode" label={m('area')} rules={[{ required: true, message: m('required', { field: m('area') }) }]}>
          <AreaPicker />
        </Form.Item>
        <Form.Item name="title" label={m('subject')} rules={req(m('subject'))}>
          <Input maxLength={config.limits.titleMax} showCount />
        </Form.Item>
        <Form.Item name="content" label={m('content')} rules={req(m('content'))} extra={m('contentHint')}>
          <Input.TextArea rows={6} maxLength={config.limits.contentMax} showCount />
        </Form.Item>
        <Form.Item label={m('files')} extra={m('filesHint', { max: config.limits.maxFiles, mb })}>
          <input ref={picker} type="file" multiple style={{ display: 'none' }} accept={TYPES.join(',')} data-testid="portal-files" onChange={(e) => addFiles(e.target.files)} />
          <Flex vertical gap={6}>
            {files.map((f, i) => (
              <Flex key={`${f.name}-${i}`} gap={8} align="center">
                <PaperClipOutlined />
                <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>{f.name}</Typography.Text>
                <Typography.Text type="secondary">{Math.max(1, Math.round(f.size / 1024))} KB</Typography.Text>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="delete" onClick={() => setFiles(files.filter((_, j) => j !== i))} />
              </Flex>
            ))}
            {fileError ? <Typography.Text type="danger">{fileError}</Typography.Text> : null}
            <Button icon={<PaperClipOutlined />} disabled={files.length >= config.limits.maxFiles} onClick={() => picker.current?.click()} style={{ alignSelf: 'flex-start' }}>{m('addFiles')}</Button>
          </Flex>
        </Form.Item>
        <Form.Item name="name" label={m('name')} rules={req(m('name'))}><Input maxLength={50} autoComplete="name" /></Form.Item>
        <Form.Item name="phone" label={m('phone')} rules={[...req(m('phone')), { pattern: /^1\d{10}$/, message: m('phoneBad') }]}>
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item name="address" label={m('address')}><Input maxLength={200} autoComplete="street-address" /></Form.Item>
        <Form.Item name="confidential" valuePropName="checked" label={m('confidential')}>
          <Switch disabled={kind === 'report'} />
        </Form.Item>
        <Form.Item name="consentPublish" valuePropName="checked" label={m('publish')}>
          <Switch disabled={kind === 'report'} />
        </Form.Item>
        <Form.Item name="humanCheckAnswer" label={m('check')} rules={req(m('check'))}>
          <HumanCheck onToken={onToken} resetKey={checkKey} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>{m('submit')}</Button>
      </Form>
    </Card>
  );
}
