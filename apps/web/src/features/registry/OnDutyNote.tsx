import { Typography } from 'antd';
import { useApi } from '../../api/useApi';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { registryApi } from './registry-api';

/** A one-line note for the intake screen: who is on duty now (A) and their backup (B). Silent on any failure. */
export function OnDutyNote() {
  const m = useMessages(M);
  const duty = useApi((s) => registryApi.onDuty(s).catch(() => null), []);
  const items = duty.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Typography.Text type="secondary" data-testid="on-duty-note">
      {m('onDuty')}：{items.map((s) => `${s.post} ${s.a.name}（B ${s.b.name}）`).join('；')}
    </Typography.Text>
  );
}
