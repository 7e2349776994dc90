import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { JurisdictionRuntimes } from '../src/runtime/jurisdiction-runtime';
import { startTestServer } from './harness';
import type { TestServer } from './harness';

/** The jurisdiction runtime cache reloads a busy entry ahead of its end, so requests never all wait for a reload. */
describe('JurisdictionRuntimes: reload ahead', () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(async () => { await s.close(); });

  const rename = (name: string) => queryRows(s.deps.database.db, sql`UPDATE jurisdictions SET name = ${name} WHERE id = '370812' RETURNING id`);
  /** Wait (real time) until the cache answers with a runtime other than `was`. */
  async function changed(runtimes: JurisdictionRuntimes, was: unknown) {
    for (let i = 0; i < 200; i++) {
      const now = await runtimes.get('370812');
      if (now !== was) return now;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail('the background reload never replaced the entry');
  }

  it('young entries answer; near the end the old one answers at once while the new one loads; an invalidation reads at once', async () => {
    const original = (await queryRows<{ name: string }>(s.deps.database.db, sql`SELECT name FROM jurisdictions WHERE id = '370812'`))[0]!.name;
    mock.timers.enable({ apis: ['Date'], now: 0 });
    try {
      const runtimes = new JurisdictionRuntimes(s.deps.database.db, 10_000);
      const first = await runtimes.get('370812');
      assert.equal(first?.name, original);
      await rename('试验市');

      mock.timers.tick(7_000);
      assert.equal(await runtimes.get('370812'), first, 'young: cached, not reloaded');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(await runtimes.get('370812'), first, 'and no reload started');

      mock.timers.tick(2_000);
      const [a, b] = await Promise.all([runtimes.get('370812'), runtimes.get('370812')]);
      assert.ok(a === first && b === first, 'near its end the old runtime still answers at once');
      const reloaded = await changed(runtimes, first);
      assert.equal(reloaded?.name, '试验市', 'the background reload replaced it');

      await rename('再试市');
      runtimes.invalidate('370812');
      assert.equal((await runtimes.get('370812'))?.name, '再试市', 'an invalidation reads at once');
    } finally {
      mock.timers.reset();
      await rename(original);
    }
  });
});
