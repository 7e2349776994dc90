import assert from 'node:assert/strict';
import type { TestServer } from './harness';

/** One GeoReport v2 answer: raw text, and the parsed JSON for .json URLs. */
export interface Open311Response { status: number; text: string; type: string; json: any; headers: Headers }

export const FORMATS = ['xml', 'json'] as const;
export type Fmt = (typeof FORMATS)[number];

/** Call /open311/v2; `form` is sent application/x-www-form-urlencoded (repeated keys for arrays), as the spec wants. */
export async function o311(s: TestServer, method: string, path: string, form?: Record<string, string | string[]>): Promise<Open311Response> {
  let body: string | undefined;
  const headers: Record<string, string> = {};
  if (form) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
    body = p.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  }
  const res = await fetch(`${s.baseUrl}/open311/v2/${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) json = JSON.parse(text);
  return { status: res.status, text, type: res.headers.get('content-type') ?? '', json, headers: res.headers };
}

/** Inner texts of every `<tag>…</tag>` (the documents have no attributes and our tags do not nest in themselves). */
export function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

/** The content type and XML declaration every answer must carry (§10.2). */
export function assertWire(res: Open311Response, fmt: Fmt, status = 200) {
  assert.equal(res.status, status, res.text.slice(0, 500));
  if (fmt === 'xml') {
    assert.equal(res.type, 'text/xml; charset=utf-8');
    assert.ok(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>'), res.text.slice(0, 80));
  } else {
    assert.equal(res.type, 'application/json; charset=utf-8');
  }
}

/** A spec error document (§8) in either format, with the HTTP status as its code. */
export function assertError(res: Open311Response, fmt: Fmt, status: number) {
  assertWire(res, fmt, status);
  if (fmt === 'json') {
    assert.ok(Array.isArray(res.json) && res.json.length >= 1, res.text);
    assert.equal(res.json[0].code, status);
    assert.equal(typeof res.json[0].description, 'string');
  } else {
    assert.match(res.text, /<errors><error><code>\d+<\/code><description>[^<]+<\/description><\/error><\/errors>$/);
    assert.equal(xmlValues(res.text, 'code')[0], String(status));
  }
}
