import { TERMINAL_STATUSES } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import type { CategoryAttributeRow, Open311KeyRow, Open311RequestView, Open311ServiceRow } from '@minsheng/db';
import { w3c } from './fields';

/** GET services: a category with an Open311 code. Every service answers synchronously, hence `realtime`. */
export function presentService(s: Open311ServiceRow) {
  return {
    service_code: s.code, service_name: s.name, description: s.groupName ? `${s.groupName} / ${s.name}` : s.name,
    metadata: s.hasAttributes, type: 'realtime', keywords: s.keywords.join(','), group: s.groupName ?? s.name,
  };
}

/** GET services/{code}: `order` is the display position (1 first, unique), whatever sort numbers the admin used. */
export function presentDefinition(code: string, attributes: readonly CategoryAttributeRow[]) {
  return {
    service_code: code,
    attributes: attributes.map((a, i) => ({
      variable: a.variable, code: a.code, datatype: a.datatype, required: a.required,
      datatype_description: a.datatypeDescription || null, order: i + 1, description: a.description,
      ...(a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist'
        ? { values: (a.values as { key: string; name: string }[]).map((v) => ({ key: String(v.key), name: v.name })) } : {}),
    })),
  };
}

const isClosed = (status: string) => TERMINAL_STATUSES.includes(status as AppealStatus);

/** What the public is told about the stage an appeal is in (service_notice); no names, no internal notes. */
const NOTICES: Partial<Record<AppealStatus, string>> = {
  registered: '已登记，等待受理', accepted: '已受理，正在分派承办单位', dispatched: '已派发至承办单位，等待签收',
  handling: '承办单位正在办理', suspended: '办理暂停，等待补充信息', return_requested: '正在重新确定承办单位',
  reply_review: '承办单位已答复，正在审核', closure_review: '正在审核办结申请', callback: '已答复，正在回访',
  closed: '已办结', referred: '已告知其他办理途径', rejected: '不予受理', merged: '已与相同诉求合并办理',
};

/**
 * One service request (GeoReport v2 §7). Identity fields are never selected, let alone written. Content — the
 * description, the reply (status_notes), the address, coordinates and media — is shown only to the client that
 * submitted the request, or to everyone when the citizen agreed to publication (DOMAIN.md §8: publication needs
 * consent). Confidential and 举报 requests never reach this function for other clients (the query leaves them out).
 */
export function presentRequest(v: Open311RequestView, viewerKeyId: string | null) {
  const full = v.consentPublish || v.apiKeyId === viewerKeyId;
  const closed = isClosed(v.status);
  const reply = v.reply as { text?: string } | null;
  // The reply is public once approved: from callback on (a reply under review may still be sent back).
  const notes = reply?.text && (v.status === 'callback' || v.status === 'closed') ? reply.text : null;
  return {
    service_request_id: v.number,
    status: closed ? 'closed' : 'open',
    status_notes: full ? notes : null,
    service_name: v.serviceName,
    service_code: v.categoryCode ?? v.serviceCode,
    description: full ? v.content.slice(0, 4000) : null,
    agency_responsible: v.agency,
    service_notice: NOTICES[v.status as AppealStatus] ?? null,
    requested_datetime: w3c(v.requestedAt),
    updated_datetime: w3c(closed ? v.closedAt ?? v.updatedAt : v.updatedAt),
    expected_datetime: closed ? null : w3c(v.expectedAt),
    address: full ? v.location : null,
    address_id: full ? v.addressId : null,
    zipcode: null,
    lat: full ? v.lat : null,
    long: full ? v.long : null,
    media_url: full ? v.mediaUrl : null,
  };
}

/** An API key as administrators list it: never the key or its hash, only the prefix to tell keys apart. */
export function presentKey(k: Open311KeyRow) {
  return { id: k.id, name: k.name, keyPrefix: k.keyPrefix, active: k.active, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null };
}

/** An attribute as the admin API reads and writes it. */
export function presentAttribute(a: CategoryAttributeRow) {
  return {
    code: a.code, datatype: a.datatype, required: a.required, variable: a.variable, description: a.description,
    datatypeDescription: a.datatypeDescription, values: a.values as { key: string; name: string }[], active: a.active, order: a.sortOrder,
  };
}
