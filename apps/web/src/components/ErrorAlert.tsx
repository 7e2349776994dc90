import { Alert, Button } from 'antd';
import { errorMessage } from '../api/errors';
import { useI18n } from '../i18n';

/** An error in place of content that failed to load, with a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang, t } = useI18n();
  return (
    <Alert type="error" showIcon message={errorMessage(error, lang)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined} />
  );
}
