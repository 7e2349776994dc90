/**
 * A minimal XML writer for GeoReport v2's mechanical XML ⇄ JSON mapping: a JSON array becomes a wrapper element
 * with one child per item (`services` → `<services><service>…`), null becomes an empty element, booleans and
 * numbers their text. No namespace, no attributes: the spec asks for neither.
 */
const ITEM_NAMES: Record<string, string> = {
  services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value',
  endpoints: 'endpoint', formats: 'format',
};

// XML 1.0 cannot carry most C0 control characters even escaped; the text guard already refuses NUL on input.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: declaration plus one root element. */
export function toXmlDocument(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}
