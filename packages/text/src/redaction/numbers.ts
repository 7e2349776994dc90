import type { PiiSpan } from './types';
import { span } from './types';

// Digits of identifiers must not be cut out of a longer number (an order number that happens to contain a
// mobile number is not a mobile number), hence the (?<!\d) … (?!\d) guards throughout.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check: ISO 7064 MOD 11-2 check character and a real birth date (1900 onwards). */
export function isValidIdCard(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17];
}

/** Luhn (mod 10) check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const ID_CARD = /(?<![\dA-Za-z])[1-9]\d{16}[\dXx](?![\dA-Za-z])/g;
// 16–19 digits, optionally grouped by spaces or hyphens in fours (6222 0212 3456 7890).
const BANK_CARD = /(?<![\d-])(?:\d{4}[ -]){3}\d{4}(?:[ -]?\d{1,3})?(?![\d-])|(?<!\d)\d{16,19}(?!\d)/g;
// +86 / 0086 optional; 1[3-9] then 9 digits, allowing 3-4-4 grouping.
const MOBILE = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
// Area code 0xx/0xxx (optionally in brackets) then 7–8 digits, optional extension.
const LANDLINE = /(?<!\d)(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[ \-－]?)[2-9]\d{6,7}(?:[ \-－]?(?:转|ext\.?)\s?\d{1,5})?(?!\d)/g;
// A local number without area code only counts after a telephone word (电话, 座机, 联系方式…).
const LOCAL_LANDLINE = /(?<=(?:电话|座机|固话|联系方式|联系电话|号码)(?:是|为)?[:：]?\s?)[2-9]\d{6,7}(?!\d)/g;

/** 18-digit resident ID numbers with a valid check character and birth date. */
export function findIdCards(text: string): PiiSpan[] {
  return [...text.matchAll(ID_CARD)].filter((m) => isValidIdCard(m[0])).map((m) => span('id_card', text, m.index, m.index + m[0].length));
}

/** Bank card numbers: 16–19 digits passing Luhn. */
export function findBankCards(text: string): PiiSpan[] {
  return [...text.matchAll(BANK_CARD)]
    .filter((m) => passesLuhn(m[0].replace(/[ -]/g, '')) && m[0].replace(/[ -]/g, '').length >= 16)
    .map((m) => span('bank_card', text, m.index, m.index + m[0].length));
}

/** Mainland mobile numbers, with or without +86 and 3-4-4 grouping. */
export function findMobiles(text: string): PiiSpan[] {
  return [...text.matchAll(MOBILE)].map((m) => span('mobile', text, m.index, m.index + m[0].length));
}

/** Landline numbers with area code, or local numbers right after a telephone word. */
export function findLandlines(text: string): PiiSpan[] {
  return [...text.matchAll(LANDLINE), ...text.matchAll(LOCAL_LANDLINE)].map((m) => span('landline', text, m.index, m.index + m[0].length));
}
