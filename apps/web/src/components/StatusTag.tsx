import { Tag } from 'antd';
import type { AppealStatus } from '@minsheng/contracts';
import { useI18n } from '../i18n';

const COLOR: Partial<Record<AppealStatus, string>> = {
  registered: 'default', accepted: 'blue', dispatched: 'geekblue', handling: 'processing', suspended: 'warning', return_requested: 'orange',
  reply_review: 'purple', closure_review: 'purple', callback: 'cyan', closed: 'success', referred: 'default', rejected: 'default', merged: 'default',
  answered: 'cyan', under_review: 'magenta', reviewed: 'cyan', under_rereview: 'magenta',
};

/** An appeal's status, named and coloured the same way on every screen. */
export function StatusTag({ status }: { status: AppealStatus }) {
  const { label } = useI18n();
  return <Tag color={COLOR[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>{label('status', status)}</Tag>;
}
