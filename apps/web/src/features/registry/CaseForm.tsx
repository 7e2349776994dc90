import { Form, Input } from 'antd';
import { UnitSelect } from '../../components/UnitSelect';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import { StaffHint } from './StaffHint';
import { StaffSelect } from './StaffSelect';
import { useStaffOptions } from './useStaffOptions';

/** What a new 包案 starts from: nothing, or a reception matter (its appeal and what was raised). */
export interface CaseSeed { title?: string; appealId?: string; appealNumber?: string; leaderUserId?: string }
interface Values { leaderUserId: string; title: string; unitId?: string }

/** 新增包案: a long-standing hard case put in a named leader's hands, optionally on an existing appeal. */
export function CaseForm({ seed, onClose, done }: { seed: CaseSeed | null; onClose: () => void; done: () => void }) {
  const m = useMessages(M);
  const [form] = Form.useForm<Values>();
  async function submit(v: Values) {
    await registryApi.ownCase({ leaderUserId: v.leaderUserId, title: v.title.trim(), appealId: seed?.appealId, unitId: v.unitId });
    return m('caseSaved');
  }
  return (
    <FormModal<Values> open={seed !== null} title={m('addCase')} form={form} initialValues={{ title: seed?.title, leaderUserId: seed?.leaderUserId }} submit={submit} done={done} onClose={onClose}>
      <CaseFields appealNumber={seed?.appealNumber} />
    </FormModal>
  );
}

function CaseFields({ appealNumber }: { appealNumber?: string | undefined }) {
  const m = useMessages(M);
  const staff = useStaffOptions();
  return (
    <>
      <StaffHint options={staff} />
      {appealNumber ? <Form.Item label={m('caseAppeal')}><Input value={appealNumber} disabled /></Form.Item> : null}
      <Form.Item name="title" label={m('caseTitle')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('caseTitle') }) }]}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="leaderUserId" label={m('leader')} rules={[{ required: true, message: m('required', { field: m('leader') }) }]}>
        <StaffSelect options={staff.data?.leaders} loading={staff.loading} leaders />
      </Form.Item>
      <Form.Item name="unitId" label={m('hostUnit')}><UnitSelect /></Form.Item>
    </>
  );
}
