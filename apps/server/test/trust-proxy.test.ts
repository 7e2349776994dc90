import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config';
import { startTestServer, TEST_SECRET } from './harness';
import type { TestServer } from './harness';

/**
 * MINSHENG_TRUST_PROXY: whose X-Forwarded-For names the client. By default only a proxy on loopback is believed (the
 * tests and benchmarks connect over loopback and rely on it); with none, or with proxies elsewhere, a client that
 * connects directly cannot pick the address the per-IP throttles count by forging the header.
 */
const config = (value?: string) => loadConfig({ MINSHENG_SECRET: TEST_SECRET, ...(value === undefined ? {} : { MINSHENG_TRUST_PROXY: value }) } as NodeJS.ProcessEnv);

/** A server whose portal allows three look-ups per client address an hour. */
async function serverWithTightTracking(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer({ env });
  const res = await s.api('PUT', '/api/admin/settings', { token: await s.login('admin'), body: { portal: { trackPerIp: { limit: 3, windowMinutes: 60 } } } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return s;
}

/** One portal look-up of an appeal that does not exist, claiming to come from `forwardedFor`: 404, or 429 once throttled. */
async function lookUp(s: TestServer, forwardedFor: string): Promise<string> {
  const res = await s.api('POST', '/api/portal/track', { body: { number: 'YZ20261123777777', queryCode: 'ABCDEF' }, headers: { 'x-forwarded-for': forwardedFor } });
  return `${res.status} ${res.body?.error?.code}`;
}

describe('MINSHENG_TRUST_PROXY', () => {
  it('reads loopback by default, none/false, and lists of addresses, CIDR ranges and range names', () => {
    assert.deepEqual(config().trustProxy, ['loopback']);
    assert.deepEqual(config('').trustProxy, ['loopback']);
    assert.equal(config('none').trustProxy, false);
    assert.equal(config('false').trustProxy, false);
    assert.deepEqual(config('10.0.0.1, 192.168.0.0/16,fd00::/8 ,loopback').trustProxy, ['10.0.0.1', '192.168.0.0/16', 'fd00::/8', 'loopback']);
    assert.deepEqual(config('10.0.0.0/255.0.0.0').trustProxy, ['10.0.0.0/255.0.0.0']);
  });

  it('refuses at start-up anything fastify could not use as meant, naming the setting', () => {
    for (const bad of ['true', 'everyone', '10.0.0.300', '10.0.0.0/33', '10.0.0.0/0', '::1/129', '10.0.0.0/255.0.255.0', '10.0.0.1,', '10.0.0.1/8/8', '2']) {
      assert.throws(() => config(bad), /MINSHENG_TRUST_PROXY/, bad);
    }
    assert.throws(() => config('1'), /hop count/);
  });

  describe('with the default (loopback)', () => {
    let s: TestServer;
    before(async () => { s = await serverWithTightTracking(); });
    after(() => s?.close());

    it('counts the address a proxy on loopback forwards', async () => {
      for (let i = 0; i < 3; i++) assert.equal(await lookUp(s, '203.0.113.7'), '404 NOT_FOUND');
      assert.equal(await lookUp(s, '203.0.113.7'), '429 RATE_LIMITED', 'the forwarded client used up its look-ups');
      assert.equal(await lookUp(s, '203.0.113.8'), '404 NOT_FOUND', 'another forwarded client has its own count');
      assert.equal(await lookUp(s, '198.51.100.1, 203.0.113.7'), '429 RATE_LIMITED', 'the nearest untrusted hop is the client');
    });
  });

  for (const value of ['none', '192.0.2.1,fd00::/8']) {
    describe(`with MINSHENG_TRUST_PROXY=${value}`, () => {
      let s: TestServer;
      before(async () => { s = await serverWithTightTracking({ MINSHENG_TRUST_PROXY: value }); });
      after(() => s?.close());

      it('ignores a forged X-Forwarded-For: every look-up counts against the connecting address', async () => {
        for (let i = 1; i <= 3; i++) assert.equal(await lookUp(s, `203.0.113.${i}`), '404 NOT_FOUND');
        assert.equal(await lookUp(s, '203.0.113.4'), '429 RATE_LIMITED', 'a fresh forged address does not reset the count');
      });
    });
  }
});
