/** Mainland mobile number: 11 digits starting 13–19 (an optional +86 / 86 prefix is tolerated). */
export function isMobilePhone(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(raw));
}

/** A mobile, a landline with area code (0537-3412345, 05373412345) or a 7–8 digit local number. */
export function isPhoneNumber(raw: string): boolean {
  const p = normalizePhone(raw);
  return /^1[3-9]\d{9}$/.test(p) || /^0(10|2\d|[3-9]\d{2})[1-9]\d{6,7}$/.test(p) || /^[2-9]\d{6,7}$/.test(p) || /^(110|119|120|122|12345)$/.test(p);
}

/** The canonical form phone hashes are computed over: digits only, country code dropped. */
export function normalizePhone(raw: string): string {
  let p = raw.replace(/[\s\-()]/g, '');
  let international = true;
  if (p.startsWith('+86')) p = p.slice(3);
  else if (p.startsWith('0086')) p = p.slice(4);
  else if (p.length === 13 && p.startsWith('86')) p = p.slice(2);
  else international = false;
  // +86 10 1234 5678 is the landline 010-12345678: put the trunk 0 back so both forms hash alike.
  if (international && !p.startsWith('1') && !p.startsWith('0')) p = `0${p}`;
  else if (international && p.startsWith('10') && p.length === 10) p = `0${p}`;
  return p;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * GB 11643 resident ID number: 18 characters, a real birth date (not after `today` when given; the domain never
 * reads the clock itself) and the MOD 11-2 check digit.
 */
export function isIdNumber(raw: string, today?: Date): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (today && birth.getTime() > today.getTime()) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17];
}

/** The GB 11643 MOD 11-2 check character for the first 17 digits of an ID number. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}
