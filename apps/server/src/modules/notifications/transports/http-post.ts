import { DeliveryError } from './transport';

const TIMEOUT_MS = 10_000;

/**
 * POST a JSON document and require a 2xx answer. Errors name the host and the status or network error code only:
 * a gateway's response body may echo the phone number it was given.
 */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  const host = hostOf(url);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', body, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  } catch (err) {
    throw new DeliveryError(`cannot reach ${host}: ${networkCode(err)}`);
  }
  await res.arrayBuffer().catch(() => undefined); // free the connection
  if (!res.ok) throw new DeliveryError(`${host} answered HTTP ${res.status}`);
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return 'an invalid URL'; }
}

function networkCode(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return 'timeout';
  return e?.cause?.code ?? e?.name ?? 'error';
}
