import { DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { useI18n, useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { describeRecurrence } from './recurrence';
import { registryApi } from './registry-api';
import type { ReceptionKind, Session } from './registry-api';
import { StaffHint } from './StaffHint';
import { StaffSelect } from './StaffSelect';
import { useStaffOptions } from './useStaffOptions';

interface Values { kind: ReceptionKind; leaderUserId: string; heldAt: Dayjs; ruleId?: string; place?: string; summary?: string }

/**
 * 记录 / 修改接访: a held reception or hotline session (who received, when, where, the leader's instructions). With
 * `session` the form edits it, as read (a concurrent edit is refused, not overwritten); its schedule is not changed.
 */
export function SessionForm({ open, onClose, done, session }: { open: boolean; onClose: () => void; done: () => void; session?: Session | null }) {
  const m = useMessages(M);
  const { user, hasRole } = useAuth();
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    const body = { kind: v.kind, leaderUserId: v.leaderUserId, heldAt: v.heldAt.toISOString(), place: v.place?.trim() ?? '', summary: v.summary?.trim() ?? '' };
    if (session) {
      await registryApi.editSession(session.id, { ...body, version: session.version });
      return m('sessionEdited');
    }
    await registryApi.recordSession({ ...body, ruleId: v.ruleId });
    return m('sessionSaved');
  }
  const initial: Partial<Values> = session
    ? { kind: session.kind, leaderUserId: session.leaderUserId, heldAt: dayjs(session.heldAt), ruleId: session.ruleId ?? undefined, place: session.place, summary: session.summary }
    : { kind: 'leader_reception', heldAt: dayjs().second(0).millisecond(0), leaderUserId: hasRole('leader') ? user?.id : undefined };
  return (
    <FormModal<Values> open={open} title={session ? m('editSession') : m('newSession')} form={form} initialValues={initial} submit={submit} done={done} onClose={onClose} width={620}>
      <SessionFields editing={Boolean(session)} />
    </FormModal>
  );
}

function SessionFields({ editing }: { editing: boolean }) {
  const m = useMessages(M);
  const { lang } = useI18n();
  const form = Form.useFormInstance<Values>();
  const staff = useStaffOptions();
  const rules = useApi((s) => registryApi.rules(s), []);
  const required = (field: Parameters<typeof m>[0]) => [{ required: true, message: m('required', { field: m(field) }) }];
  /** A session held under a schedule takes its kind and place from it. */
  const pickRule = (id: string | undefined) => {
    const r = rules.data?.items.find((x) => x.id === id);
    if (r) form.setFieldsValue({ kind: r.kind, place: r.place, ...(r.leaderUserId ? { leaderUserId: r.leaderUserId } : {}) });
  };
  return (
    <>
      <StaffHint options={staff} />
      <Form.Item name="ruleId" label={m('rule')}>
        <Select allowClear disabled={editing} placeholder={m('noRule')} onChange={pickRule} loading={rules.loading} options={(rules.data?.items ?? []).filter((r) => r.active || r.id === form.getFieldValue('ruleId')).map((r) => ({
          value: r.id, label: `${r.leaderName} · ${describeRecurrence(r.recurrence, m, lang)} ${r.startTime} · ${r.topic || r.place}`,
        }))} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="kind" label={m('kind')} rules={required('kind')} style={{ width: 150 }}>
          <Select options={(['leader_reception', 'hotline'] as const).map((k) => ({ value: k, label: m(k) }))} />
        </Form.Item>
        <Form.Item name="leaderUserId" label={m('leader')} rules={required('leader')} style={{ flex: 1 }}>
          <StaffSelect options={staff.data?.leaders} loading={staff.loading} leaders />
        </Form.Item>
        <Form.Item name="heldAt" label={m('heldAt')} rules={required('heldAt')} style={{ width: 200 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="place" label={m('place')}><Input maxLength={100} /></Form.Item>
      <Form.Item name="summary" label={m('summary')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </>
  );
}
