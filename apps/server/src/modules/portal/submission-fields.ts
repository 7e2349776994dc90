import { AppError, APPEAL_KINDS } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import { PORTAL_LIMITS } from './limits';

/** The 写信 form's channels: 市长信箱, 网络问政 (web), 投诉举报信箱. */
export const PORTAL_CHANNELS = ['mayor_mailbox', 'web', 'complaint_mailbox'] as const;
export type PortalChannel = (typeof PORTAL_CHANNELS)[number];

export interface PortalSubmission {
  kind: AppealKind;
  channel: PortalChannel;
  categoryId?: string | undefined;
  areaCode: string;
  title: string;
  content: string;
  name: string;
  phone: string;
  address?: string | undefined;
  accusedUnitId?: string | undefined;
  confidential: boolean;
  consentPublish: boolean;
  humanCheckToken: string;
  humanCheckAnswer: string;
}

const KNOWN = new Set(['kind', 'channel', 'categoryId', 'areaCode', 'title', 'content', 'name', 'phone', 'address', 'accusedUnitId', 'confidential', 'consentPublish', 'humanCheckToken', 'humanCheckAnswer']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/** NUL and lone surrogates cannot be stored; everything else (including "<script>") is kept as the citizen wrote it. */
function storable(field: string, value: string): string {
  if (value.includes('\u0000') || !value.isWellFormed()) throw invalid(field, 'text contains a NUL character or an unpaired surrogate');
  return value;
}

function text(fields: Record<string, string>, field: string, max: number, required: boolean): string | undefined {
  const raw = fields[field];
  // Browsers send a textarea's line breaks as CRLF (the form encoding's rule); the appeal keeps plain \n like every channel.
  const value = raw === undefined ? '' : storable(field, raw).replace(/\r\n?/g, '\n').trim();
  if (!value) {
    if (required) throw invalid(field, `${field} is required`);
    return undefined;
  }
  if ([...value].length > max) throw new AppError('VALIDATION_FAILED', `${field} is longer than ${max} characters`, { field, max });
  return value;
}

function flag(fields: Record<string, string>, field: string): boolean {
  const v = fields[field];
  if (v === undefined || v === '') return false;
  if (v !== 'true' && v !== 'false') throw invalid(field, `${field} must be 'true' or 'false'`);
  return v === 'true';
}

/**
 * The form's text fields, checked for presence, size and shape. An unknown field is refused (a typo should not be
 * silently dropped). A 举报 gets the whistle-blower protections whatever the form said: confidential, never published.
 */
export function parseSubmission(fields: Record<string, string>): PortalSubmission {
  const unknown = Object.keys(fields).find((k) => !KNOWN.has(k));
  if (unknown) throw invalid(unknown.slice(0, 40), 'unknown field');
  const kind = text(fields, 'kind', 20, true)!;
  if (!(APPEAL_KINDS as readonly string[]).includes(kind)) throw invalid('kind', 'unknown kind');
  const channel = text(fields, 'channel', 30, false) ?? (kind === 'report' ? 'complaint_mailbox' : 'web');
  if (!(PORTAL_CHANNELS as readonly string[]).includes(channel)) throw invalid('channel', 'unknown channel');
  const categoryId = text(fields, 'categoryId', 36, false);
  if (categoryId && !UUID.test(categoryId)) throw invalid('categoryId', 'not a category id');
  const areaCode = text(fields, 'areaCode', 12, true)!;
  if (!/^[0-9]{2,12}$/.test(areaCode)) throw invalid('areaCode', 'not an area code');
  const accusedUnitId = text(fields, 'accusedUnitId', 36, false);
  if (accusedUnitId && (!UUID.test(accusedUnitId) || kind !== 'report')) throw invalid('accusedUnitId', 'only a 举报 names an accused unit, by id');
  const report = kind === 'report';
  return {
    kind: kind as AppealKind, channel: channel as PortalChannel, categoryId, areaCode,
    title: text(fields, 'title', PORTAL_LIMITS.titleMax, true)!,
    content: text(fields, 'content', PORTAL_LIMITS.contentMax, true)!,
    name: text(fields, 'name', PORTAL_LIMITS.nameMax, true)!,
    phone: text(fields, 'phone', 20, true)!,
    address: text(fields, 'address', PORTAL_LIMITS.addressMax, false),
    accusedUnitId,
    confidential: report || flag(fields, 'confidential'),
    consentPublish: !report && flag(fields, 'consentPublish'),
    humanCheckToken: text(fields, 'humanCheckToken', 1000, true)!,
    humanCheckAnswer: text(fields, 'humanCheckAnswer', 10, true)!,
  };
}
