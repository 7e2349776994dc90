import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { Role } from '@minsheng/contracts';
import { api } from '../../api/client';
import type { AppealDetail, RevealedCitizen } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

/** Roles the domain may let see a citizen unmasked (canRevealIdentity); the server decides per appeal. */
const REVEAL_ROLES: readonly Role[] = ['agent', 'dispatcher', 'handler', 'unit_leader', 'callback', 'supervisor'];

const M = defineMessages({
  zh: {
    title: '诉求人', name: '姓名', phone: '电话', address: '地址', idNumber: '身份证号', hasId: '已登记（隐藏）', none: '未登记',
    reveal: '显示', revealTitle: '显示完整个人信息', revealHint: '查看完整个人信息将记录审计日志（查看人、工单、理由）。', reason: '查看理由',
    reasonRequired: '请填写查看理由', revealed: '已显示完整信息（已记录审计）', confidential: '保密工单', noCitizen: '未留个人信息',
    visitors: '来访人数', representatives: '已登记代表',
  },
  en: {
    title: 'Citizen', name: 'Name', phone: 'Phone', address: 'Address', idNumber: 'ID number', hasId: 'recorded (hidden)', none: 'not given',
    reveal: 'Show', revealTitle: 'Show full personal data', revealHint: 'Showing full personal data is written to the audit log (who, which appeal, why).', reason: 'Reason',
    reasonRequired: 'Please give a reason', revealed: 'Full data shown (audited)', confidential: 'Confidential', noCitizen: 'No personal data given',
    visitors: 'Visitors', representatives: 'Representatives recorded',
  },
});

/** 诉求人: masked identity; "显示" reveals it for roles that may, with a reason, through the audited endpoint. */
export function CitizenCard({ appeal }: { appeal: AppealDetail }) {
  const m = useMessages(M);
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const notify = useNotify();
  const [revealed, setRevealed] = useState<RevealedCitizen | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const c = appeal.citizen;

  async function reveal() {
    let reason: string;
    try { reason = (await form.validateFields()).reason.trim(); } catch { return; }
    setBusy(true);
    try {
      setRevealed(await api.post<RevealedCitizen>(`/api/appeals/${appeal.id}/citizen/reveal`, { reason }));
      setOpen(false);
      notify.success(m('revealed'));
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(false);
    }
  }

  const shown = revealed ?? c;
  const value = (v: string | null | undefined) => (v ? <span className="ms-wrap">{v}</span> : <Typography.Text type="secondary">{m('none')}</Typography.Text>);
  return (
    <Card size="small" title={<>{m('title')} {appeal.confidential ? <Tag color="red">{m('confidential')}</Tag> : null}</>}
      extra={c && !revealed && hasRole(...REVEAL_ROLES) ? <Button size="small" icon={<EyeOutlined />} onClick={() => { form.resetFields(); setOpen(true); }}>{m('reveal')}</Button> : null}>
      {shown ? (
        <Descriptions column={1} size="small" labelStyle={{ width: 72 }}>
          <Descriptions.Item label={m('name')}>{value(shown.name)}</Descriptions.Item>
          <Descriptions.Item label={m('phone')}>{value(shown.phone)}</Descriptions.Item>
          <Descriptions.Item label={m('address')}>{value(shown.address)}</Descriptions.Item>
          <Descriptions.Item label={m('idNumber')}>{revealed ? value(revealed.idNumber) : c?.hasIdNumber ? m('hasId') : m('none')}</Descriptions.Item>
          {appeal.visitorCount ? <Descriptions.Item label={m('visitors')}>{appeal.visitorCount}{appeal.hasRepresentatives ? `（${m('representatives')}）` : ''}</Descriptions.Item> : null}
        </Descriptions>
      ) : <Typography.Text type="secondary">{m('noCitizen')}</Typography.Text>}
      {revealed ? <Tag color="orange" style={{ marginTop: 8 }}>{m('revealed')}</Tag> : null}
      <Modal open={open} title={m('revealTitle')} onCancel={() => setOpen(false)} onOk={() => void reveal()} confirmLoading={busy}
        okText={m('reveal')} cancelText={t('common.cancel')} destroyOnHidden>
        <Typography.Paragraph type="secondary">{m('revealHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={m('reason')} rules={[{ required: true, whitespace: true, message: m('reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
