import { PII_LABELS, redactText } from '@minsheng/text';
import type { PiiType } from '@minsheng/text';

/** What the appeal itself says about its citizen (decrypted): removed wherever it appears, cue or no cue. */
export interface KnownIdentity { name?: string | null | undefined; phone?: string | null | undefined; address?: string | null | undefined; idNumber?: string | null | undefined }

/**
 * Replace the citizen's own name, phone, ID number and address literally. The detectors need a cue ("我叫…") to
 * find a name; the appeal knows its citizen's name, so "李国强家门口…" or a reply's "已联系李国强" is caught too.
 */
function removeKnown(text: string, known: KnownIdentity, counts: Record<string, number>): string {
  const items: [PiiType, string | null | undefined][] = [['id_card', known.idNumber], ['mobile', known.phone], ['address', known.address], ['name', known.name]];
  let out = text;
  for (const [type, value] of items) {
    const v = value?.trim();
    // A one-character "name" would wipe ordinary words; such names are left to the detectors and the reviewer.
    if (!v || [...v].length < 2) continue;
    const parts = out.split(v);
    if (parts.length > 1) {
      counts[type] = (counts[type] ?? 0) + parts.length - 1;
      out = parts.join(`【${PII_LABELS[type]}】`);
    }
  }
  return out;
}

/** Redacted board texts and, per field, how many items of each kind were taken out (never the items themselves). */
export function redactPost(texts: { title: string; content: string; reply: string }, known: KnownIdentity = {}) {
  const counts: Record<string, Record<string, number>> = {};
  const out: Record<string, string> = {};
  for (const [field, text] of Object.entries(texts)) {
    const byType: Record<string, number> = {};
    const r = redactText(removeKnown(text, known, byType));
    out[field] = r.text;
    for (const s of r.spans) byType[s.type] = (byType[s.type] ?? 0) + 1;
    counts[field] = byType;
  }
  return { title: out.title!, content: out.content!, reply: out.reply!, redactions: counts };
}
