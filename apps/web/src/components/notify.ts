import { App } from 'antd';
import { useCallback, useMemo } from 'react';
import { errorMessage } from '../api/errors';
import { useI18n } from '../i18n';

/**
 * Success and error messages for user actions. `error(err)` shows the API's code mapped to the zh/en message from
 * @minsheng/contracts; use it in every catch so nothing fails silently.
 */
export function useNotify() {
  const { message } = App.useApp();
  const { lang, t } = useI18n();
  const error = useCallback((err: unknown) => {
    if ((err as Error)?.name === 'AbortError') return;
    void message.error({ content: errorMessage(err, lang), duration: 6 });
  }, [message, lang]);
  const success = useCallback((text?: string) => { void message.success(text ?? t('common.done')); }, [message, t]);
  const warning = useCallback((text: string) => { void message.warning({ content: text, duration: 6 }); }, [message]);
  return useMemo(() => ({ error, success, warning }), [error, success, warning]);
}
