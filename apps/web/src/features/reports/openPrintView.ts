import { api } from '../../api/client';

/**
 * Open a report's printable page (GET /api/reports/:id/print) in a new tab. The page needs the bearer token, which a
 * plain link cannot carry, so the HTML is fetched and shown from a blob URL. The tab is opened first, during the
 * click, so a popup blocker lets it through.
 */
export async function openPrintView(id: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await api.blob(`/api/reports/${id}/print`));
    if (tab) tab.location.href = url; else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}
