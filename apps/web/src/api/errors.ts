import { ERRORS, STATUS_LABELS } from '@minsheng/contracts';
import type { AppealStatus, ErrorCode } from '@minsheng/contracts';
import { en, zh } from '../i18n/dictionary';
import type { Lang } from '../i18n/dictionary';
import { vocabLabel } from '../i18n/labels';

/** Codes the client adds to the server's closed list: the request never got an answer, or an answer we cannot read. */
export type ClientErrorCode = 'NETWORK' | 'UNEXPECTED_RESPONSE';

/** A failed API call. `code` is the server's code from @minsheng/contracts ERRORS (or a client code above). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** Parse an error response body `{error: {code, message, details}}`; anything else becomes UNEXPECTED_RESPONSE. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && isKnownCode(error.code)) {
    const details = error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : undefined;
    return new ApiError(status, error.code, typeof error.message === 'string' ? error.message : ERRORS[error.code].en, details);
  }
  // A code from a newer server that this console does not know yet still shows, with the server's own message.
  if (error && typeof error.code === 'string') {
    return Object.assign(new ApiError(status, 'UNEXPECTED_RESPONSE', typeof error.message === 'string' ? error.message : error.code), { serverCode: error.code });
  }
  return new ApiError(status, 'UNEXPECTED_RESPONSE', `HTTP ${status}`);
}

/** Extra facts from `details` worth showing: the field at fault, the state the appeal is in now. */
function detailText(err: ApiError, lang: Lang): string {
  const d = err.details;
  if (!d) return '';
  const parts: string[] = [];
  const field = typeof d.field === 'string' ? d.field : undefined;
  const issues = Array.isArray(d.issues) ? (d.issues as { path?: string }[]).map((i) => i.path).filter(Boolean) : [];
  if (field) parts.push(`${lang === 'en' ? 'field' : '字段'} ${field}`);
  else if (issues.length) parts.push(`${lang === 'en' ? 'field' : '字段'} ${issues.slice(0, 3).join(', ')}`);
  if (typeof d.status === 'string' && (err.code === 'ILLEGAL_TRANSITION' || err.code === 'STALE_STATE')) {
    const label = lang === 'en' ? vocabLabel('en', 'status', d.status) : STATUS_LABELS[d.status as AppealStatus] ?? d.status;
    parts.push(`${lang === 'en' ? 'current state' : '当前状态'}：${label}`);
  }
  return parts.length ? `（${parts.join('；')}）` : '';
}

/**
 * The user-facing text of any error: the message of its code in the user's language (from @minsheng/contracts,
 * never the server's developer text), the useful details, and the code itself so support can look it up.
 */
export function errorMessage(err: unknown, lang: Lang): string {
  const dict = lang === 'en' ? en : zh;
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return dict['error.network'];
    const base = isKnownCode(err.code) ? ERRORS[err.code][lang] : `${dict['error.unknown']}：${err.message}`;
    const code = (err as ApiError & { serverCode?: string }).serverCode ?? err.code;
    return `${base}${detailText(err, lang)} [${code}]`;
  }
  if (err instanceof Error) return `${dict['error.unknown']}：${err.message}`;
  return dict['error.unknown'];
}

export function isApiError(err: unknown, code?: ErrorCode | ClientErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}
