import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { SessionCache } from '../src/modules/auth/session-cache';
import type { SessionUser } from '../src/modules/auth/session-cache';

/** The resolved-session cache shares one database resolution among requests that arrive together (no herd). */
describe('SessionCache.resolve', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const user = (name: string): SessionUser => ({
    jurisdictionId: '370812', userId: name, username: name, displayName: name, grants: [], expiresAt: new Date('2026-12-02T08:00:00Z'),
  });
  /** A load that finishes when told to, counting its calls. */
  function slowLoad(result: SessionUser | null) {
    let calls = 0;
    let finish: () => void = () => {};
    const gate = new Promise<void>((resolve) => { finish = resolve; });
    return { load: async () => { calls++; await gate; return result; }, finish: () => finish(), calls: () => calls };
  }

  it('requests arriving while a resolution runs share it; the result is then cached', async () => {
    const cache = new SessionCache();
    const l = slowLoad(user('a'));
    const answers = Array.from({ length: 20 }, () => cache.resolve('h1', now, l.load));
    l.finish();
    const users = await Promise.all(answers);
    assert.equal(l.calls(), 1, 'one database resolution for 20 concurrent requests');
    assert.ok(users.every((u) => u?.userId === 'a'));
    assert.equal(cache.get('h1', now)?.userId, 'a');
    const again = slowLoad(user('b'));
    assert.equal((await cache.resolve('h1', now, again.load))?.userId, 'a', 'cached: no second load');
    assert.equal(again.calls(), 0);
  });

  it('an unknown token is not cached: the next request asks the database again', async () => {
    const cache = new SessionCache();
    assert.equal(await cache.resolve('h2', now, async () => null), null);
    let calls = 0;
    await cache.resolve('h2', now, async () => { calls++; return null; });
    assert.equal(calls, 1);
  });

  it('a logout (delete) or a tree change (clear) while a resolution runs keeps its result out of the cache', async () => {
    for (const forget of [(c: SessionCache) => c.delete('h3'), (c: SessionCache) => c.clear()]) {
      const cache = new SessionCache();
      const l = slowLoad(user('c'));
      const pending = cache.resolve('h3', now, l.load);
      forget(cache);
      l.finish();
      await pending;
      assert.equal(cache.get('h3', now), null, 'not kept after the session was forgotten');
      const fresh = slowLoad(null);
      const next = cache.resolve('h3', now, fresh.load);
      fresh.finish();
      assert.equal(await next, null, 'the next request resolves afresh (the session is gone)');
    }
  });

  it('a failed resolution is not shared with later requests', async () => {
    const cache = new SessionCache();
    await assert.rejects(cache.resolve('h4', now, async () => { throw new Error('database down'); }), /database down/);
    assert.equal((await cache.resolve('h4', now, async () => user('d')))?.userId, 'd');
  });

  it('a busy entry near its end is re-read in the background while it still answers; none is used past its ttl', async () => {
    mock.timers.enable({ apis: ['Date'], now: 0 });
    try {
      const cache = new SessionCache(10_000);
      await cache.resolve('h5', now, async () => user('e'));
      mock.timers.tick(7_000);
      let calls = 0;
      assert.equal((await cache.resolve('h5', now, async () => { calls++; return user('f'); }))?.userId, 'e', 'young: the entry answers');
      assert.equal(calls, 0, 'and nothing is read');

      mock.timers.tick(2_000);
      const refresh = slowLoad(user('g'));
      const answers = await Promise.all(Array.from({ length: 5 }, () => cache.resolve('h5', now, refresh.load)));
      assert.ok(answers.every((u) => u?.userId === 'e'), 'near its end the entry still answers at once');
      assert.equal(refresh.calls(), 1, 'one background read for all of them');
      refresh.finish();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(cache.get('h5', now)?.userId, 'g', 'the refreshed user replaces the entry');

      mock.timers.tick(9_000);
      const gone = slowLoad(null);
      assert.equal((await cache.resolve('h5', now, gone.load))?.userId, 'g');
      gone.finish();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(cache.get('h5', now), null, 'a refresh that finds the session revoked removes it at once');

      await cache.resolve('h6', now, async () => user('h'));
      mock.timers.tick(9_000);
      const stuck = slowLoad(user('i'));
      await cache.resolve('h6', now, stuck.load);
      mock.timers.tick(1_001);
      assert.equal(cache.get('h6', now), null, 'past the ttl the entry is gone even while its refresh still runs');
      const waiting = cache.resolve('h6', now, async () => user('j'));
      stuck.finish();
      assert.equal((await waiting)?.userId, 'i', 'a request after the ttl waits for the running read');
    } finally {
      mock.timers.reset();
    }
  });
});
