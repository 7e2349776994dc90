import { isApiError } from '../api/errors';
import type { Lang } from '../i18n';

const RULES: Record<Lang, Record<string, string>> = {
  zh: {
    common: '这是常见密码，很容易被猜中，请换一个', length: '密码至少需要 {min} 位', classes: '需包含大写字母、小写字母、数字、符号中的三类，或使用至少 16 位的长密码',
    username: '密码不能包含用户名', same: '新密码不能与当前密码相同',
  },
  en: {
    common: 'This is a common password and easy to guess; choose another', length: 'The password needs at least {min} characters',
    classes: 'Use three of upper case, lower case, digits and symbols, or a passphrase of at least 16 characters', username: 'The password must not contain the username',
    same: 'The new password must differ from the current one',
  },
};

/** What a WEAK_PASSWORD answer's `details.rule` means, in the user's language; null for any other error. */
export function weakPasswordMessage(err: unknown, lang: Lang): string | null {
  if (!isApiError(err, 'WEAK_PASSWORD')) return null;
  const rule = String(err.details?.rule ?? '');
  const text = RULES[lang][rule];
  return text ? text.replace('{min}', String(err.details?.minLength ?? 10)) : null;
}
