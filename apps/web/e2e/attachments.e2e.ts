// 附件 in the console: a handler adds a site photo to an appeal's detail page; a file that only pretends to be a photo
// is refused with the server's Chinese message, and nothing is added.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { intakeBody, samplePng, startE2E, toast } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const PNG = samplePng();

test('a photo is attached on the detail page and previewed; a disguised file is refused', async () => {
  const created = await e2e.api<{ id: string }>('POST', '/api/appeals', { user: 'agent', body: intakeBody({ title: '建设路口井盖破损（附现场照片）' }) });
  const page = await e2e.pageAs('agent');
  await page.goto(`${e2e.url}/appeals/${created.body.id}`);
  const card = page.getByTestId('attachments');
  await card.getByText('暂无附件').waitFor();

  await page.getByTestId('attachment-input').setInputFiles([{ name: '井盖现场.png', mimeType: 'image/png', buffer: PNG }]);
  await toast(page, '已上传 1 个附件');
  await card.getByText('井盖现场.png').waitFor();
  // The thumbnail's bytes came through the authenticated API (an object URL), not a bare <img src> to the API.
  await card.locator('img[src^="blob:"]').first().waitFor();
  await e2e.shot(page, '70-detail-attachments');

  await page.getByTestId('attachment-input').setInputFiles([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') }]);
  await toast(page, /附件只能是图片/);
  const list = await e2e.api<{ items: unknown[] }>('GET', `/api/appeals/${created.body.id}/attachments`, { user: 'agent' });
  assert.equal(list.body.items.length, 1, 'the refused file was not stored');
});
