import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { APPEAL_KINDS, CHANNELS, URGENCIES } from '@minsheng/contracts';
import type { AppealKind, Channel, Urgency } from '@minsheng/contracts';
import { api } from '../../api/client';
import type { AppealDetail, AppealSummary, Page } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { OnDutyNote } from '../registry/OnDutyNote';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from '../search/CategorySelect';
import { AreaSearch } from './AreaSearch';
import { CallerHistory } from './CallerHistory';
import { IntakeResult } from './IntakeResult';
import { useReference } from '../../api/reference';
import { CategorySuggestions } from '../text/CategorySuggestions';
import { DuplicateCandidates } from '../text/DuplicateCandidates';
import { RoutingHint } from '../text/RoutingHint';
import { useSuggestion } from '../text/useSuggestion';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { lookupablePhone, newIdempotencyKey } from './intake-api';

const M = defineMessages({
  zh: {
    sub: '边听边录：输入来电号码查看历史，选择类型、分类和区域，记录诉求内容，保存后向来电人读出工单编号和查询码。',
    phone: '来电号码', name: '姓名', kind: '诉求类型', urgency: '紧急程度', category: '诉求分类', area: '区域（输入街道/社区名称）', location: '详细地址',
    title: '标题（可留空，自动取内容开头）', content: '诉求内容', channel: '渠道', confidential: '保密', consent: '同意公开答复', answer: '直接答复内容（咨询当场解答）',
    save: '保存登记', answerDirectly: '直接办结', reset: '新来电', contentRequired: '请填写诉求内容', answerRequired: '直接办结须填写答复内容',
    saved: '已登记 {number}', answered: '已直接办结 {number}', keys: '快捷键', kSave: '保存', kAnswer: '直接办结', kNew: '新来电', kPick: '采用建议分类', kTab: '切换字段',
    phonePh: '例如 13905371234', contentPh: '时间、地点、事件经过、诉求人的要求…', categoryPh: '输入分类名称筛选', relatedTo: '关联诉求',
    assist: '智能辅助', assistHint: '记录诉求内容后，这里显示派单建议和疑似重复诉求', relate: '关联', related: '已关联', kbUsed: '已将「{title}」填入直接答复，核对后按 Alt+D 直接办结', dupWarn: '有 {n} 件疑似重复诉求，保存前请核实（右侧可关联）',
  },
  en: {
    sub: 'Type as you listen: the caller\'s number shows their history; pick kind, category and area, record the content, then read the number and query code to the caller.',
    phone: 'Caller\'s number', name: 'Name', kind: 'Kind', urgency: 'Urgency', category: 'Category', area: 'Area (type a street/community name)', location: 'Address',
    title: 'Title (blank: start of the content)', content: 'Content', channel: 'Channel', confidential: 'Confidential', consent: 'May publish the reply', answer: 'Direct answer (consultation answered now)',
    save: 'Register', answerDirectly: 'Answer and close', reset: 'New call', contentRequired: 'Please record the content', answerRequired: 'Answering directly needs the answer',
    saved: 'Registered {number}', answered: 'Answered and closed {number}', keys: 'Keys', kSave: 'register', kAnswer: 'answer and close', kNew: 'new call', kPick: 'use a suggested category', kTab: 'next field',
    phonePh: 'e.g. 13905371234', contentPh: 'When, where, what happened, what the caller asks for…', categoryPh: 'Type to filter', relatedTo: 'Related appeal',
    assist: 'Assistant', assistHint: 'Once the content is recorded, the routing proposal and likely duplicates show here', relate: 'Relate', related: 'Related', kbUsed: '「{title}」is in the direct answer: check it, then Alt+D answers and closes', dupWarn: '{n} likely duplicate(s): check before saving (relate on the right)',
  },
});

interface Values {
  phone?: string; name?: string; kind: AppealKind; urgency: Urgency; categoryId?: string; areaCode?: string; location?: string;
  title?: string; content?: string; channel: Channel; confidential?: boolean; consentPublish?: boolean; answer?: string; relatedAppealId?: string;
}

const INITIAL: Values = { kind: 'complaint', urgency: 'normal', channel: 'phone_12345', confidential: false, consentPublish: false };

/** The intake body from the form (blank optional fields left out; the title falls back to the start of the content). */
function intakeBody(v: Values): Record<string, unknown> {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const content = text(v.content) ?? '';
  const citizen = { name: text(v.name), phone: text(v.phone) };
  return {
    channel: v.channel, kind: v.kind, urgency: v.urgency, content,
    title: text(v.title) ?? content.replace(/\s+/g, ' ').slice(0, 30),
    ...(citizen.name || citizen.phone ? { citizen: Object.fromEntries(Object.entries(citizen).filter(([, x]) => x)) } : {}),
    ...(v.categoryId ? { categoryId: v.categoryId } : {}), ...(v.areaCode ? { areaCode: v.areaCode } : {}), ...(text(v.location) ? { location: text(v.location) } : {}),
    ...(v.confidential ? { confidential: true } : {}), ...(v.consentPublish ? { consentPublish: true } : {}),
    ...(v.relatedAppealId ? { relatedAppealId: v.relatedAppealId } : {}),
  };
}

const Key = ({ k }: { k: string }) => <Typography.Text keyboard>{k}</Typography.Text>;

/**
 * 受理: the agent's intake form, built for the phone. Keyboard only: Tab through the fields, Enter (Ctrl+Enter in the
 * content) registers, Alt+D answers a consultation on the spot, Alt+N starts a new call, Alt+1…3 takes a suggested
 * category. Each form carries its own Idempotency-Key, so pressing save twice registers once. While the agent types,
 * the assistant (POST /api/text/suggest) proposes categories, the routing and likely duplicates to relate.
 */
export default function IntakeQueue() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<AppealDetail | null>(null);
  const [history, setHistory] = useState<{ phone: string | null; items: AppealSummary[] | null; loading: boolean; error: unknown }>({ phone: null, items: null, loading: false, error: null });
  const phoneRef = useRef<{ focus: () => void } | null>(null);
  const phone = Form.useWatch('phone', form);
  const kind = Form.useWatch('kind', form);
  const related = Form.useWatch('relatedAppealId', form);
  const ref = useReference();
  const [draftTitle, draftContent, draftArea, draftCategory] = [Form.useWatch('title', form), Form.useWatch('content', form), Form.useWatch('areaCode', form), Form.useWatch('categoryId', form)];
  const assist = useSuggestion(saved ? null : {
    title: draftTitle?.trim() || (draftContent ?? '').replace(/\s+/g, ' ').slice(0, 30), content: draftContent ?? '', areaCode: draftArea, categoryId: draftCategory,
  });
  const duplicates = assist.data?.duplicates ?? [];
  const relateButton = (id: string) => (
    <Button key="relate" size="small" type={related === id ? 'primary' : 'default'} tabIndex={-1}
      onClick={() => form.setFieldValue('relatedAppealId', related === id ? undefined : id)}>{related === id ? m('related') : m('relate')}</Button>
  );

  useEffect(() => {
    const p = lookupablePhone(phone ?? '');
    if (!p) { setHistory({ phone: null, items: null, loading: false, error: null }); return; }
    const ctrl = new AbortController();
    setHistory((h) => ({ ...h, phone: p, loading: true, error: null }));
    const timer = setTimeout(() => {
      api.get<Page<AppealSummary>>('/api/citizens/history', { phone: p }, ctrl.signal).then(
        (r) => setHistory({ phone: p, items: r.items, loading: false, error: null }),
        (e: unknown) => { if (!ctrl.signal.aborted) setHistory({ phone: p, items: null, loading: false, error: e }); },
      );
    }, 250);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [phone]);

  function newCall() {
    form.resetFields();
    setKey(newIdempotencyKey());
    setSaved(null);
    setTimeout(() => phoneRef.current?.focus(), 0);
  }

  async function save(answerNow: boolean) {
    if (busy) return;
    let v: Values;
    try { v = await form.validateFields(); } catch { return; }
    if (answerNow && !v.answer?.trim()) { form.setFields([{ name: 'answer', errors: [m('answerRequired')] }]); return; }
    setBusy(true);
    try {
      let appeal = await api.post<AppealDetail>('/api/appeals', intakeBody(v), { 'idempotency-key': key });
      if (answerNow) {
        appeal = await api.post<AppealDetail>(`/api/appeals/${appeal.id}/transitions`, { action: 'answer_directly', version: appeal.version, answer: v.answer!.trim() });
        notify.success(m('answered', { number: appeal.number }));
      } else {
        notify.success(m('saved', { number: appeal.number }));
      }
      setSaved(appeal);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void save(false); }
    else if (e.altKey && (e.key === 'd' || e.key === 'D' || e.code === 'KeyD')) { e.preventDefault(); void save(true); }
    else if (e.altKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN')) { e.preventDefault(); newCall(); }
    else if (e.altKey && /^Digit[1-3]$/.test(e.code)) {
      const pick = assist.data?.categories[Number(e.code.slice(5)) - 1];
      if (pick) { e.preventDefault(); form.setFieldValue('categoryId', pick.categoryId); }
    }
  }

  return (
    <div onKeyDown={onKeyDown}>
      <PageTitle title={t('nav.intake')} sub={<>{m('sub')} <OnDutyNote /></>} extra={<Button onClick={newCall}>{m('reset')} (Alt+N)</Button>} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {saved ? <IntakeResult appeal={saved} onNext={newCall} /> : null}
          <Card size="small" style={{ display: saved ? 'none' : undefined }}>
            <Form form={form} layout="vertical" initialValues={INITIAL} onFinish={() => void save(false)} requiredMark={false} disabled={busy}>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="phone" label={m('phone')}><Input ref={(r) => { phoneRef.current = r; }} autoFocus inputMode="tel" placeholder={m('phonePh')} maxLength={30} /></Form.Item></Col>
                <Col span={12}><Form.Item name="name" label={m('name')}><Input maxLength={50} /></Form.Item></Col>
              </Row>
              <Form.Item name="kind" label={m('kind')}>
                <Radio.Group name="kind" optionType="button" buttonStyle="solid" options={APPEAL_KINDS.map((k) => ({ value: k, label: label('kind', k) }))} />
              </Form.Item>
              <Form.Item name="urgency" label={m('urgency')}>
                <Radio.Group name="urgency" optionType="button" buttonStyle="solid" options={URGENCIES.map((u) => ({ value: u, label: label('urgency', u) }))} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="categoryId" label={m('category')}
                    extra={<CategorySuggestions suggestion={assist.data} loading={assist.loading} value={draftCategory} onPick={(id) => form.setFieldValue('categoryId', id)} shortcuts />}>
                    <CategorySelect placeholder={m('categoryPh')} activeOnly />
                  </Form.Item>
                </Col>
                <Col span={12}><Form.Item name="areaCode" label={m('area')}><AreaSearch /></Form.Item></Col>
              </Row>
              <Form.Item name="location" label={m('location')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="title" label={m('title')}><Input maxLength={200} /></Form.Item>
              <Form.Item name="content" label={m('content')} rules={[{ required: true, whitespace: true, message: m('contentRequired') }]}>
                <Input.TextArea rows={5} maxLength={10000} showCount placeholder={m('contentPh')} />
              </Form.Item>
              {kind === 'consultation' ? (
                <Form.Item name="answer" label={m('answer')}><Input.TextArea rows={3} maxLength={10000} /></Form.Item>
              ) : null}
              <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
                <Form.Item name="channel" label={m('channel')} style={{ marginBottom: 0, minWidth: 200 }}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: label('channel', c) }))} showSearch optionFilterProp="label" />
                </Form.Item>
                <Form.Item name="confidential" valuePropName="checked" style={{ marginBottom: 0 }}><Checkbox>{m('confidential')}</Checkbox></Form.Item>
                <Form.Item name="consentPublish" valuePropName="checked" style={{ marginBottom: 0 }}><Checkbox>{m('consent')}</Checkbox></Form.Item>
                <Form.Item name="relatedAppealId" hidden><Input /></Form.Item>
              </Flex>
              {duplicates.length && !related ? <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>{m('dupWarn', { n: duplicates.length })}</Typography.Paragraph> : null}
              <Flex gap={8} wrap align="center">
                <Button type="primary" htmlType="submit" loading={busy}>{m('save')} (Ctrl+Enter)</Button>
                <Button onClick={() => void save(true)} disabled={busy}>{m('answerDirectly')} (Alt+D)</Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m('keys')}：<Key k="Tab" /> {m('kTab')} · <Key k="Enter" />/<Key k="Ctrl+Enter" /> {m('kSave')} · <Key k="Alt+D" /> {m('kAnswer')} · <Key k="Alt+N" /> {m('kNew')} · <Key k="Alt+1…3" /> {m('kPick')}
                </Typography.Text>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={m('assist')} style={{ marginBottom: 12 }} data-testid="intake-assist">
            {assist.error ? <ErrorAlert error={assist.error} /> : !assist.data ? <Typography.Text type="secondary">{m('assistHint')}</Typography.Text> : (
              <Flex vertical gap={8}>
                <RoutingHint routing={assist.data.routing} unitName={ref.unitName} />
                <DuplicateCandidates items={duplicates} action={(d) => relateButton(d.id)} />
              </Flex>
            )}
          </Card>
          <KnowledgePanel draftTitle={draftTitle?.trim() || (draftContent ?? '').slice(0, 30)}
            onUse={(a) => { form.setFieldsValue({ kind: 'consultation', answer: a.body }); notify.success(m('kbUsed', { title: a.title })); }} />
          <CallerHistory phone={history.phone} items={history.items} loading={history.loading} error={history.error} relatedId={related}
            onRelate={(id) => form.setFieldValue('relatedAppealId', id)} />
        </Col>
      </Row>
    </div>
  );
}
