import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Form, Modal, Typography } from 'antd';
import type { AppealAction } from '@minsheng/contracts';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { AppealDetail } from '../../api/types';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { ActionFields, transitionBody } from './action-forms';
import type { ActionValues } from './action-forms';
import { JointMeetingFields, jointMeetingBody } from './JointMeetingForm';
import type { JointMeetingValues } from './JointMeetingForm';

/** Forward moves of the lifecycle: shown as primary buttons. */
const PRIMARY = new Set<AppealAction>(['accept', 'dispatch', 'sign', 'reply', 'approve_reply', 'approve_return', 'approve_extension', 'approve_closure', 'callback', 'close', 'decide_review', 'decide_rereview']);
/** Moves that end, refuse or undo something: shown as danger buttons. */
const DANGER = new Set<AppealAction>(['reject', 'refer_emergency', 'refer_legal', 'send_back', 'redo', 'request_return', 'reject_return', 'reject_extension', 'reject_closure', 'reopen', 'unmerge']);

const M = defineMessages({
  zh: {
    none: '当前没有可执行的操作', title: '{action} · {number}', proposal: '派单建议：{unit}（{why}）', useProposal: '采用建议',
    noProposal: '派单目录没有建议，请人工选择承办单位', done: '{action}：操作成功', changed: '诉求状态已变化，已重新加载',
  },
  en: {
    none: 'No action available now', title: '{action} · {number}', proposal: 'Proposed: {unit} ({why})', useProposal: 'Use it',
    noProposal: 'The routing catalogue has no proposal; choose the unit', done: '{action}: done', changed: 'The appeal changed; reloaded',
  },
});

interface Proposal { leadUnitId: string | null; leadUnitName: string | null; coUnitIds: string[]; why: string }

export interface ActionPanelProps {
  appeal: AppealDetail;
  /** Called with the appeal as it is after the action (or as reloaded after a conflict). */
  onChanged: (appeal: AppealDetail) => void;
  /** Show only these actions, in this order (default: every action the server offers). */
  only?: readonly AppealAction[];
  size?: 'small' | 'middle';
  /** Lay the buttons out vertically, full width (detail page side column). */
  vertical?: boolean;
  /** Open this action's form prefilled (e.g. 并入 a suggested duplicate); a new `key` opens it again. */
  preset?: ActionPreset | null;
}

export interface ActionPreset { action: AppealAction; values: ActionValues; key: number }

/**
 * 办理操作: one button per action the server says this user may take now (`appeal.actions`); each opens a form
 * with the fields the action needs and posts the transition with the appeal's version. A STALE_STATE conflict reloads
 * the appeal and says someone else changed it; every other error shows its code's message and keeps the form open.
 */
export function ActionPanel({ appeal, onChanged, only, size = 'middle', vertical = false, preset = null }: ActionPanelProps) {
  const { label, t } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const [action, setAction] = useState<AppealAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<Proposal | null | undefined>(undefined);
  const [form] = Form.useForm();

  const actions = (only ? only.filter((a) => appeal.actions.includes(a)) : appeal.actions).filter((a) => a !== 'follow_master' && a !== 'flag_bulletin');
  const [initial, setInitial] = useState<ActionValues>({});

  useEffect(() => {
    if (!preset || !appeal.actions.includes(preset.action)) return;
    setInitial(preset.values);
    setAction(preset.action);
    // Only a new preset opens the form; the appeal changing underneath must not reopen it.
  }, [preset?.key]);

  useEffect(() => {
    if (action !== 'dispatch') return;
    setProposal(undefined);
    api.get<Proposal>(`/api/appeals/${appeal.id}/routing-proposal`).then((p) => {
      setProposal(p);
      if (p.leadUnitId && !form.getFieldValue('leadUnitId')) form.setFieldsValue({ leadUnitId: p.leadUnitId, coUnitIds: p.coUnitIds });
    }, (e: unknown) => { setProposal(null); notify.error(e); });
  }, [action, appeal.id, form, notify]);

  async function reload(): Promise<void> {
    try { onChanged(await api.get<AppealDetail>(`/api/appeals/${appeal.id}`)); } catch (e) { notify.error(e); }
  }

  async function submit() {
    if (!action) return;
    let values: ActionValues & JointMeetingValues;
    try { values = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      let updated: AppealDetail;
      if (action === 'joint_meeting') {
        await api.post('/api/joint-meetings', jointMeetingBody(appeal.id, values));
        updated = await api.get<AppealDetail>(`/api/appeals/${appeal.id}`);
      } else {
        updated = await api.post<AppealDetail>(`/api/appeals/${appeal.id}/transitions`, transitionBody(action, appeal.version, values));
      }
      notify.success(m('done', { action: label('action', action) }));
      setAction(null);
      onChanged(updated);
    } catch (e) {
      if (isApiError(e, 'STALE_STATE')) {
        notify.warning(t('error.staleReloaded'));
        setAction(null);
        await reload();
      } else if (isApiError(e, 'ILLEGAL_TRANSITION')) {
        notify.error(e);
        setAction(null);
        await reload();
      } else {
        notify.error(e);
      }
    } finally {
      setBusy(false);
    }
  }

  if (!actions.length) return <Typography.Text type="secondary">{m('none')}</Typography.Text>;
  return (
    <>
      <Flex gap={8} wrap vertical={vertical}>
        {actions.map((a) => (
          <Button key={a} size={size} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} block={vertical}
            onClick={() => { form.resetFields(); setInitial({}); setAction(a); }}>
            {label('action', a)}
          </Button>
        ))}
      </Flex>
      <Modal open={action !== null} title={action ? m('title', { action: label('action', action), number: appeal.number }) : ''} onCancel={() => setAction(null)}
        onOk={() => void submit()} confirmLoading={busy} okText={t('common.submit')} cancelText={t('common.cancel')} destroyOnHidden width={620} maskClosable={false}>
        {action === 'dispatch' && proposal !== undefined ? (
          <Alert style={{ marginBottom: 12 }} type={proposal?.leadUnitId ? 'info' : 'warning'} showIcon
            message={proposal?.leadUnitId ? m('proposal', { unit: proposal.leadUnitName ?? '', why: proposal.why }) : m('noProposal')} />
        ) : null}
        <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
          {action === 'joint_meeting' ? <JointMeetingFields /> : action ? <ActionFields action={action} track={appeal.track} appealId={appeal.id} categoryId={appeal.categoryId} /> : null}
        </Form>
      </Modal>
    </>
  );
}
