import { Alert } from 'antd';
import type { Loaded } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { StaffOptions } from './staff-options';

/** Above a form's person pickers: why the list may be short (not an administrator), or why it failed to load. */
export function StaffHint({ options }: { options: Loaded<StaffOptions> }) {
  const m = useMessages(M);
  if (options.error) return <ErrorAlert error={options.error} onRetry={options.reload} />;
  if (options.data && !options.data.complete && !options.data.searchable) return <Alert type="info" showIcon message={m('partialStaff')} style={{ marginBottom: 12 }} />;
  return null;
}
