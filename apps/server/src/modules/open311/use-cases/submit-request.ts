import { randomBytes } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { findOpen311Service, insertOpen311Request, listCategoryAttributes, touchOpen311Key } from '@minsheng/db';
import type { Open311KeyRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { JurisdictionRuntime } from '../../../runtime/jurisdiction-runtime';
import { registerAppeal } from '../../appeals/use-cases/register-appeal';
import { checkAnswers, describeAnswers } from '../attribute-rules';
import type { Submission } from '../submission';

/**
 * POST requests: an Open311 request becomes an ordinary appeal (channel open311) through the one intake path, so
 * staff see, route and answer it like any other; what only Open311 knows (token, coordinates, device, answers) is
 * kept beside it. Identity goes into the appeal's citizen record, encrypted. E-mail has no column there and is
 * therefore not stored (validated only).
 */
export async function submitRequest(deps: Deps, runtime: JurisdictionRuntime, client: Open311KeyRow, input: Submission) {
  const jid = runtime.id;
  const db = deps.database.db;
  const service = await findOpen311Service(db, jid, input.serviceCode);
  if (!service) throw new AppError('UNKNOWN_SERVICE', undefined, { field: 'service_code' });
  const defs = await listCategoryAttributes(db, jid, service.categoryId);
  const answers = checkAnswers(defs, input.answers);
  const extra = describeAnswers(defs, answers);
  const description = input.description ?? `（通过 Open311 提交的「${service.name}」诉求，未填写描述）`;
  const summary = (input.description ?? '').replace(/\s+/g, ' ').slice(0, 40);
  const kind = runtime.categories.get(service.categoryId)?.defaultKind ?? 'help';

  const { appeal } = await registerAppeal(deps, { kind: 'public', jurisdictionId: jid }, {
    channel: 'open311', kind, title: summary ? `${service.name}：${summary}` : service.name,
    content: extra ? `${description}\n\n【附加信息】\n${extra}` : description,
    categoryId: service.categoryId, location: input.addressString ?? undefined, consentPublish: input.consentPublish,
    citizen: input.name || input.phone ? { name: input.name ?? undefined, phone: input.phone ?? undefined } : undefined,
  });
  const now = deps.now();
  const token = randomBytes(18).toString('base64url');
  // A separate write after intake: if it failed the appeal would still be handled, only invisible to Open311 reads.
  await insertOpen311Request(db, {
    jurisdictionId: jid, appealId: appeal.id, token, apiKeyId: client.id, serviceCode: service.code, lat: input.lat, long: input.long,
    addressString: input.addressString, addressId: input.addressId, deviceId: input.deviceId, accountId: input.accountId,
    mediaUrl: input.mediaUrl, attributes: answers, requestedAt: appeal.createdAt,
  });
  await touchOpen311Key(db, jid, client.id, now);
  return {
    token,
    // Realtime services answer the id and never a token in the body (spec §4); the token travels in a header.
    body: [{ service_request_id: appeal.number, service_notice: '已登记，等待受理', ...(input.accountId ? { account_id: input.accountId } : {}) }],
  };
}
