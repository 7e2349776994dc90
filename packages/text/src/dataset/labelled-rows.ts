import type { LabelledText } from '../classifier/train';
import { TextInputError } from '../errors';
import type { TableRecord } from './read-table';

const asText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));

/** The text of a record: the named fields in order, joined by a newline (title, then body). */
export function recordText(record: TableRecord, fields: readonly string[]): string {
  return fields.map((f) => asText(record[f]).trim()).filter(Boolean).join('\n');
}

/** Checks that the named fields exist (in the first record's keys) and that there is data at all. */
export function requireFields(records: readonly TableRecord[], fields: readonly string[]): void {
  if (records.length === 0) throw new TextInputError('invalid_input', 'the input has no rows');
  const present = new Set(records.flatMap((r) => Object.keys(r)));
  const missing = fields.filter((f) => !present.has(f));
  if (missing.length) throw new TextInputError('invalid_input', `missing field(s) ${missing.join(', ')}; the input has ${[...present].join(', ')}`);
}

/** Labelled training/evaluation rows; rows with an empty label or no text are an error, not silently dropped. */
export function labelledRows(records: readonly TableRecord[], textFields: readonly string[], labelField: string): LabelledText[] {
  requireFields(records, [...textFields, labelField]);
  return records.map((r, i) => {
    const label = asText(r[labelField]).trim();
    const text = recordText(r, textFields);
    if (!label) throw new TextInputError('invalid_input', `row ${i + 1}: empty ${labelField}`);
    if (!text) throw new TextInputError('invalid_input', `row ${i + 1}: no text in ${textFields.join(', ')}`);
    return { text, label };
  });
}
