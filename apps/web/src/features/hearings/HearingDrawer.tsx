import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Drawer, Form, Input, List, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { hearingsApi } from './hearings-api';
import type { ActionInput, Hearing, Representative } from './hearings-api';
import { M } from './messages';

type Dialog = 'rep' | 'material' | 'hold' | 'conclude' | 'cancel' | null;
interface DialogForm { kind?: 'resident' | 'enterprise'; name?: string; phone?: string; organisation?: string; constituency?: string; title?: string; summary?: string; public?: boolean; minutes?: string; attended?: string[]; outcome?: string; reason?: string }

/** One hearing: notice, representatives (masked), materials, minutes and outcome, with the organiser's actions. */
export function HearingDrawer({ hearing: h, onClose, onChanged }: { hearing: Hearing; onClose: () => void; onChanged: () => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DialogForm>();
  const manage = h.canManage !== false;
  const editable = h.status === 'draft' || h.status === 'announced';

  async function run(call: () => Promise<unknown>) {
    setBusy(true);
    try { await call(); notify.success(m('saved')); onChanged(); } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  async function submit(v: DialogForm): Promise<string> {
    if (dialog === 'rep') await hearingsApi.addRepresentative(h.id, { kind: v.kind!, name: v.name!.trim(), ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}), organisation: v.organisation?.trim() ?? '', constituency: v.constituency?.trim() ?? '' });
    if (dialog === 'material') await hearingsApi.addMaterial(h.id, { title: v.title!.trim(), summary: v.summary?.trim() ?? '', public: v.public ?? true });
    const act = (body: ActionInput) => hearingsApi.act(h.id, body);
    if (dialog === 'hold') await act({ action: 'hold', minutes: v.minutes ?? '', attendedRepresentativeIds: v.attended ?? [] });
    if (dialog === 'conclude') await act({ action: 'conclude', outcome: v.outcome ?? '' });
    if (dialog === 'cancel') await act({ action: 'cancel', reason: v.reason ?? '' });
    return m('saved');
  }
  const required = (field: string) => [{ required: true, whitespace: true, message: m('required', { field }) }];
  const titles: Record<Exclude<Dialog, null>, string> = { rep: m('addRepresentative'), material: m('addMaterial'), hold: m('hold'), conclude: m('conclude'), cancel: m('cancel') };

  return (
    <Drawer open title={<span className="ms-wrap">{h.title}</span>} width={720} onClose={onClose} destroyOnHidden data-testid="hearing-drawer" extra={
      manage && h.status !== 'draft' ? <Space><span>{m('published')}</span><Switch checked={h.published} loading={busy} aria-label={m('publish')} onChange={(v) => void run(() => hearingsApi.publish(h.id, v))} /></Space> : null}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={m('status')}><Tag>{m(h.status)}</Tag>{h.published ? <Tag color="green">{m('onPortal')}</Tag> : null}</Descriptions.Item>
          <Descriptions.Item label={m('organiser')}>{h.organiserName}</Descriptions.Item>
          <Descriptions.Item label={m('scheduledAt')}>{formatTime(h.scheduledAt)} · {h.place}</Descriptions.Item>
          <Descriptions.Item label={m('topic')}><span className="ms-wrap">{h.topic}</span></Descriptions.Item>
          <Descriptions.Item label={m('notice')}><span className="ms-wrap">{h.notice || m('none')}</span></Descriptions.Item>
          {h.minutes ? <Descriptions.Item label={m('minutes')}><span className="ms-wrap">{h.minutes}</span></Descriptions.Item> : null}
          {h.outcome ? <Descriptions.Item label={m('outcome')}><span className="ms-wrap">{h.outcome}</span></Descriptions.Item> : null}
          {h.cancelReason ? <Descriptions.Item label={m('reason')}>{h.cancelReason}</Descriptions.Item> : null}
        </Descriptions>
        {manage ? (
          <Space wrap>
            {h.status === 'draft' ? <Button type="primary" loading={busy} onClick={() => void run(() => hearingsApi.act(h.id, { action: 'announce' }))}>{m('announce')}</Button> : null}
            {h.status === 'announced' ? <Button type="primary" onClick={() => setDialog('hold')}>{m('hold')}</Button> : null}
            {h.status === 'held' ? <Button type="primary" onClick={() => setDialog('conclude')}>{m('conclude')}</Button> : null}
            {editable ? <Button onClick={() => setDialog('rep')}>{m('addRepresentative')}</Button> : null}
            {h.status !== 'concluded' && h.status !== 'cancelled' ? <Button onClick={() => setDialog('material')}>{m('addMaterial')}</Button> : null}
            {editable ? <Button danger onClick={() => setDialog('cancel')}>{m('cancel')}</Button> : null}
          </Space>
        ) : null}
        <Alert type="info" showIcon message={m('publicNote')} />
        <Typography.Title level={5} style={{ margin: 0 }}>{m('representatives')}</Typography.Title>
        <Table<Representative> size="small" rowKey="id" pagination={false} dataSource={h.representatives} data-testid="hearing-representatives" columns={[
          { title: m('kind'), dataIndex: 'kind', width: 90, render: (k: string) => (k === 'resident' ? m('resident') : m('enterprise')) },
          { title: m('name'), dataIndex: 'name', width: 90 }, { title: m('phone'), dataIndex: 'phone', width: 120 },
          { title: `${m('organisation')} / ${m('constituency')}`, render: (_, r) => <span className="ms-wrap">{r.organisation || r.constituency}</span> },
          { title: m('attended'), dataIndex: 'attended', width: 70, render: (a: boolean | null) => (a === null ? '—' : a ? m('attended') : m('absent')) },
        ]} />
        <Typography.Title level={5} style={{ margin: 0 }}>{m('materials')}</Typography.Title>
        <List size="small" bordered dataSource={h.materials} locale={{ emptyText: m('none') }} renderItem={(x) => (
          <List.Item extra={x.public ? <Tag color="green">{m('public')}</Tag> : <Tag>{m('internal')}</Tag>}>
            <List.Item.Meta title={x.title} description={<span className="ms-wrap">{x.summary}</span>} />
          </List.Item>
        )} />
      </Space>
      {dialog ? (
        <FormModal<DialogForm> open title={titles[dialog]} form={form} initialValues={{ kind: 'resident', public: true, attended: h.representatives.map((r) => r.id) }} submit={submit} done={onChanged} onClose={() => setDialog(null)}>
          {dialog === 'rep' ? (
            <>
              <Form.Item name="kind" label={m('kind')}><Radio.Group optionType="button" options={[{ value: 'resident', label: m('resident') }, { value: 'enterprise', label: m('enterprise') }]} /></Form.Item>
              <Form.Item name="name" label={m('name')} rules={required(m('name'))}><Input maxLength={40} /></Form.Item>
              <Form.Item name="phone" label={m('phone')}><Input maxLength={20} /></Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
                {({ getFieldValue }) => (getFieldValue('kind') === 'enterprise'
                  ? <Form.Item name="organisation" label={m('organisation')} rules={required(m('organisation'))}><Input maxLength={100} /></Form.Item>
                  : <Form.Item name="constituency" label={m('constituency')}><Input maxLength={100} /></Form.Item>)}
              </Form.Item>
            </>
          ) : null}
          {dialog === 'material' ? (
            <>
              <Form.Item name="title" label={m('materialTitle')} rules={required(m('materialTitle'))}><Input maxLength={100} /></Form.Item>
              <Form.Item name="summary" label={m('summary')}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
              <Form.Item name="public" valuePropName="checked"><Checkbox>{m('public')}</Checkbox></Form.Item>
            </>
          ) : null}
          {dialog === 'hold' ? (
            <>
              <Form.Item name="attended" label={m('attendedReps')}><Checkbox.Group options={h.representatives.map((r) => ({ value: r.id, label: `${r.name}${r.organisation ? `（${r.organisation}）` : ''}` }))} /></Form.Item>
              <Form.Item name="minutes" label={m('minutes')} rules={required(m('minutes'))}><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
            </>
          ) : null}
          {dialog === 'conclude' ? <Form.Item name="outcome" label={m('outcome')} rules={required(m('outcome'))}><Input.TextArea rows={4} maxLength={5000} /></Form.Item> : null}
          {dialog === 'cancel' ? <Form.Item name="reason" label={m('reason')} rules={required(m('reason'))}><Input maxLength={500} /></Form.Item> : null}
        </FormModal>
      ) : null}
    </Drawer>
  );
}
