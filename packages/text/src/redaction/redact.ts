import { findAddresses } from './address';
import { findEmails, findPlates } from './email-plate';
import { findNames } from './names';
import { findBankCards, findIdCards, findLandlines, findMobiles } from './numbers';
import type { PiiSpan, PiiType } from './types';
import { PII_LABELS, PII_TYPES } from './types';

export interface RedactOptions {
  /** Kinds to look for (default all). */
  types?: readonly PiiType[];
  /** `label` writes 【手机号】, `stars` one * per character (keeps length, like the display masks). */
  style?: 'label' | 'stars';
}

/** Redacted text and what was removed. */
export interface RedactionResult {
  text: string;
  spans: PiiSpan[];
}

// When spans overlap the more specific detector wins: an ID card number contains a plausible bank card, a
// mobile number sits inside an address line. Earlier in this list = kept.
const PRIORITY: readonly PiiType[] = ['email', 'id_card', 'bank_card', 'mobile', 'landline', 'plate', 'address', 'name'];
const FINDERS: Record<PiiType, (text: string) => PiiSpan[]> = {
  email: findEmails, id_card: findIdCards, bank_card: findBankCards, mobile: findMobiles, landline: findLandlines,
  plate: findPlates, address: findAddresses, name: findNames,
};

/** Every piece of personal data in the text, in order, without overlaps. */
export function findPersonalData(text: string, options: Pick<RedactOptions, 'types'> = {}): PiiSpan[] {
  const wanted = new Set(options.types ?? PII_TYPES);
  const kept: PiiSpan[] = [];
  for (const type of PRIORITY) {
    if (!wanted.has(type)) continue;
    for (const s of FINDERS[type](text)) {
      if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Replaces personal data (names, phones, ID and bank cards, plates, e-mail, detailed addresses) in the text. */
export function redactText(text: string, options: RedactOptions = {}): RedactionResult {
  const spans = findPersonalData(text, options);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += text.slice(pos, s.start) + (options.style === 'stars' ? '*'.repeat([...s.text].length) : `【${PII_LABELS[s.type]}】`);
    pos = s.end;
  }
  return { text: out + text.slice(pos), spans };
}
