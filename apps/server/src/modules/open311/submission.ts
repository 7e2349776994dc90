import { AppError } from '@minsheng/contracts';
import { isPhoneNumber } from '@minsheng/domain';
import { collectAnswers } from './attribute-rules';
import { single } from './fields';
import type { Fields } from './fields';

/** A POST requests body after the checks that need no database (GeoReport v2 §4). */
export interface Submission {
  serviceCode: string;
  lat: number | null; long: number | null; addressString: string | null; addressId: string | null;
  description: string | null; mediaUrl: string | null; deviceId: string | null; accountId: string | null;
  /** Identity: stored encrypted in the citizen record, never answered. */
  name: string | null; phone: string | null; email: string | null;
  /** Extension: the citizen agrees that the request's text is shown to other Open311 clients (default no). */
  consentPublish: boolean;
  answers: Map<string, string[]>;
}

const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

function coordinate(fields: Fields, name: 'lat' | 'long', limit: number): number | null {
  const raw = single(fields, name, 40);
  if (raw === undefined) return null;
  if (!/^[+-]?\d{1,3}(\.\d+)?$/.test(raw) || Math.abs(Number(raw)) > limit) throw bad(name, `${name} must be decimal degrees within ±${limit}`);
  return Number(raw);
}

/** A full name in the order its script writes it: 张 + 三 without a space, John + Smith with one. */
export function fullName(first: string | undefined, last: string | undefined): string | null {
  if (!first && !last) return null;
  const cjk = /[\u3400-\u9fff]/.test(`${first ?? ''}${last ?? ''}`);
  return cjk ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ');
}

export function parseSubmission(fields: Fields): Submission {
  const serviceCode = single(fields, 'service_code', 64);
  if (!serviceCode) throw bad('service_code', 'service_code is required');
  const lat = coordinate(fields, 'lat', 90);
  const long = coordinate(fields, 'long', 180);
  if ((lat === null) !== (long === null)) throw bad(lat === null ? 'lat' : 'long', 'lat and long are sent together');
  const addressString = single(fields, 'address_string', 500) ?? null;
  const addressId = single(fields, 'address_id', 200) ?? null;
  if (lat === null && !addressString && !addressId) throw bad('lat', 'a location is required: lat and long, address_string or address_id');
  const description = single(fields, 'description', 4000) ?? null;
  const mediaUrl = single(fields, 'media_url', 2000) ?? null;
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) throw bad('media_url', 'media_url must be an http(s) URL');
  const email = single(fields, 'email', 254) ?? null;
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw bad('email', 'email is not an e-mail address');
  const phone = single(fields, 'phone', 30) ?? null;
  if (phone && !isPhoneNumber(phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  const consent = single(fields, 'consent_publish', 5);
  if (consent !== undefined && consent !== 'true' && consent !== 'false') throw bad('consent_publish', 'consent_publish is true or false');
  return {
    serviceCode, lat, long, addressString, addressId, description, mediaUrl,
    deviceId: single(fields, 'device_id', 200) ?? null, accountId: single(fields, 'account_id', 200) ?? null,
    name: fullName(single(fields, 'first_name', 50), single(fields, 'last_name', 50)), phone, email,
    consentPublish: consent === 'true',
    answers: collectAnswers(fields),
  };
}
