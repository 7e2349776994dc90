import type { AppealRow, UpstreamPlatformRow } from '@minsheng/db';

/** A registered platform; the key hash never leaves the server. */
export function presentPlatform(p: UpstreamPlatformRow) {
  return { id: p.id, name: p.name, webhookUrl: p.webhookUrl, active: p.active, createdAt: p.createdAt.toISOString() };
}

/**
 * What the upper platform may see of an appeal it transferred: our number, the public status and the reply —
 * no identities, no internal notes, no handler names.
 */
export function presentTransfer(a: AppealRow) {
  const reply = a.reply as { text: string; result: string; at: string } | null;
  return {
    externalId: a.externalId, number: a.number, status: a.status,
    dueAt: a.externalDueAt?.toISOString() ?? null,
    reply: reply ? { text: reply.text, result: reply.result, at: reply.at } : null,
    updatedAt: a.updatedAt.toISOString(), closedAt: a.closedAt?.toISOString() ?? null,
  };
}
