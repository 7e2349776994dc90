import type { PiiSpan } from './types';
import { span } from './types';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Province abbreviation + issuing-office letter (I and O are never used), optional separator, then either five
// letters/digits (ordinary plates) or six for new-energy plates (D/F then five, or five digits then D/F).
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Z][·•.\\- ]?(?:[DF][A-HJ-NP-Z0-9]\\d{4}|\\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])`,
  'g',
);

/** E-mail addresses. */
export function findEmails(text: string): PiiSpan[] {
  return [...text.matchAll(EMAIL)].map((m) => span('email', text, m.index, m.index + m[0].length));
}

/** Vehicle plates: 鲁H·12345, 京A12345, new-energy 粤BD12345 / 粤B12345D. */
export function findPlates(text: string): PiiSpan[] {
  return [...text.matchAll(PLATE)]
    // An ordinary plate has at least one digit; five letters after 湘A are a word, not a plate.
    .filter((m) => /\d/.test(m[0].slice(2)))
    .map((m) => span('plate', text, m.index, m.index + m[0].length));
}
