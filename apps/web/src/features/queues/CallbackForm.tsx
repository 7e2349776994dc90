import { useState } from 'react';
import { Alert, Button, Flex, Input, Radio, Typography } from 'antd';
import { SATISFACTION_LEVELS } from '@minsheng/contracts';
import type { SatisfactionLevel } from '@minsheng/contracts';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { AppealDetail } from '../../api/types';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

const M = defineMessages({
  zh: {
    level: '满意度（点击选择）', contacted: '承办单位是否联系', solved: '问题是否解决', comment: '回访记录（可选）', yes: '是', no: '否',
    close: '保存并办结', redo: '重办', closeReviewed: '复核后办结', reason: '重办理由 / 复核意见', reasonNeeded: '不满意时须填写重办理由或复核意见',
    recorded: '已记录回访：{level}', closed: '回访完成，诉求已办结', redone: '已退回承办单位重办', pick: '请先选择满意度并回答"是否联系""是否解决"',
    dissatisfied: '群众不满意：属承办单位原因的退回重办；已合理解释的可复核后办结（须写明复核意见）。', changed: '诉求已被他人处理，已重新加载',
  },
  en: {
    level: 'Satisfaction (one click)', contacted: 'Did the unit contact the citizen?', solved: 'Was the problem solved?', comment: 'Notes (optional)', yes: 'Yes', no: 'No',
    close: 'Save and close', redo: 'Redo', closeReviewed: 'Close after review', reason: 'Why redo / review opinion', reasonNeeded: 'A dissatisfied callback needs a redo reason or a review opinion',
    recorded: 'Callback recorded: {level}', closed: 'Callback done, appeal closed', redone: 'Sent back to the unit to redo', pick: 'Choose the satisfaction and answer both questions first',
    dissatisfied: 'Dissatisfied: redo when the unit is at fault; close after review when a reasonable explanation was given (write the review opinion).', changed: 'Someone else acted on it; reloaded',
  },
});

const DISSATISFIED: readonly SatisfactionLevel[] = ['dissatisfied', 'very_dissatisfied'];
const LEVEL_COLOR: Record<SatisfactionLevel, string> = {
  very_satisfied: '#389e0d', satisfied: '#52c41a', basically_satisfied: '#1677ff', dissatisfied: '#fa8c16', very_dissatisfied: '#cf1322',
};

/**
 * 回访: one click per satisfaction level, contacted?/solved?, notes; then close, or for a dissatisfied citizen redo or
 * close after review. Posts the `callback` transition, then `close` or `redo` on the new version.
 */
export function CallbackForm({ appeal, onDone }: { appeal: AppealDetail; onDone: (a: AppealDetail) => void }) {
  const { label } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const [level, setLevel] = useState<SatisfactionLevel | undefined>(appeal.callback?.satisfaction);
  const [contacted, setContacted] = useState<boolean | undefined>(appeal.callback?.contacted);
  const [solved, setSolved] = useState<boolean | undefined>(appeal.callback?.solved);
  const [comment, setComment] = useState(appeal.callback?.comment ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const dissatisfied = level !== undefined && DISSATISFIED.includes(level);

  async function finish(next: 'close' | 'redo') {
    if (!level || contacted === undefined || solved === undefined) { notify.warning(m('pick')); return; }
    if ((dissatisfied || next === 'redo') && !reason.trim()) { notify.warning(m('reasonNeeded')); return; }
    setBusy(true);
    try {
      let current = appeal;
      const same = appeal.callback && appeal.callback.satisfaction === level && appeal.callback.contacted === contacted && appeal.callback.solved === solved;
      if (!same) {
        current = await api.post<AppealDetail>(`/api/appeals/${appeal.id}/transitions`, {
          action: 'callback', version: current.version, satisfaction: level, contacted, solved, ...(comment.trim() ? { comment: comment.trim() } : {}),
        });
      }
      const body = { action: next, version: current.version, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      const done = await api.post<AppealDetail>(`/api/appeals/${appeal.id}/transitions`, body);
      notify.success(next === 'close' ? m('closed') : m('redone'));
      onDone(done);
    } catch (e) {
      notify.error(e);
      if (isApiError(e, 'STALE_STATE')) {
        try { onDone(await api.get<AppealDetail>(`/api/appeals/${appeal.id}`)); } catch (e2) { notify.error(e2); }
      }
    } finally {
      setBusy(false);
    }
  }

  const yesNo = [{ value: true, label: m('yes') }, { value: false, label: m('no') }];
  return (
    <Flex vertical gap={10} data-testid="callback-form">
      <Typography.Text strong>{m('level')}</Typography.Text>
      <Flex gap={6} wrap>
        {SATISFACTION_LEVELS.map((s) => (
          <Button key={s} size="middle" onClick={() => setLevel(s)} aria-pressed={level === s}
            style={level === s ? { background: LEVEL_COLOR[s], borderColor: LEVEL_COLOR[s], color: '#fff' } : { borderColor: LEVEL_COLOR[s], color: LEVEL_COLOR[s] }}>
            {label('satisfaction', s)}
          </Button>
        ))}
      </Flex>
      <Flex gap={16} wrap>
        <Flex vertical gap={4}><Typography.Text>{m('contacted')}</Typography.Text>
          <Radio.Group name="contacted" optionType="button" options={yesNo} value={contacted} onChange={(e) => setContacted(e.target.value as boolean)} aria-label={m('contacted')} /></Flex>
        <Flex vertical gap={4}><Typography.Text>{m('solved')}</Typography.Text>
          <Radio.Group name="solved" optionType="button" options={yesNo} value={solved} onChange={(e) => setSolved(e.target.value as boolean)} aria-label={m('solved')} /></Flex>
      </Flex>
      <Input.TextArea rows={2} maxLength={2000} placeholder={m('comment')} aria-label={m('comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      {dissatisfied ? (
        <>
          <Alert type="warning" showIcon message={m('dissatisfied')} />
          <Input.TextArea rows={2} maxLength={2000} placeholder={m('reason')} aria-label={m('reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Flex gap={8} wrap>
            <Button danger type="primary" loading={busy} onClick={() => void finish('redo')}>{m('redo')}</Button>
            <Button loading={busy} onClick={() => void finish('close')}>{m('closeReviewed')}</Button>
          </Flex>
        </>
      ) : (
        <Button type="primary" loading={busy} onClick={() => void finish('close')} disabled={!level}>{m('close')}</Button>
      )}
    </Flex>
  );
}
