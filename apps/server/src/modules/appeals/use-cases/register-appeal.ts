import { randomInt } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import type { AppealKind, Channel, Track, Urgency } from '@minsheng/contracts';
import { eventHash, isIdNumber, isPhoneNumber, normalizePhone, selectDeadlinePolicy } from '@minsheng/domain';
import type { PolicyClocks } from '@minsheng/domain';
import { findAppeal, insertIntake, newId, unitPaths } from '@minsheng/db';
import type { AppealRow, CitizenRow, Executor } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';

export interface RegisterAppealInput {
  track?: Track | undefined;
  channel: Channel;
  kind?: AppealKind | undefined;
  urgency?: Urgency | undefined;
  title: string;
  content: string;
  citizen?: { name?: string | undefined; phone?: string | undefined; idNumber?: string | undefined; address?: string | undefined } | undefined;
  areaCode?: string | undefined;
  location?: string | undefined;
  categoryId?: string | undefined;
  accusedUnitId?: string | undefined;
  confidential?: boolean | undefined;
  consentPublish?: boolean | undefined;
  /** 信访 group visits: how many came and their (at most 5) representatives. */
  visitors?: { count: number; representatives: { name: string; phone?: string | undefined }[] } | undefined;
  /** An earlier appeal on the same matter; a petition concluded by 复核 is not accepted again. */
  relatedAppealId?: string | undefined;
  /** 上级转办: the upper platform's id for the appeal and its deadline. */
  external?: { source: string; id: string; dueAt?: Date | undefined } | undefined;
}

/**
 * Who registers: a staff member (their agent/dispatcher unit owns the appeal), a public channel or an upper-level
 * platform (the root unit owns those).
 */
export type Registrar =
  | { kind: 'staff'; user: SessionUser }
  | { kind: 'public'; jurisdictionId: string }
  | { kind: 'upstream'; jurisdictionId: string; platformId: string };

const INTAKE_ROLES = new Set(['agent', 'dispatcher']);
const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A 6-character code the citizen reads back to track the appeal; no 0/O/1/I/L to confuse on the phone. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** An Idempotency-Key recorded atomically with the appeal, so a retry finds the first appeal instead of making a second. */
export interface IdempotencyRecord { key: string; requestHash: string }

/**
 * 登记: every channel ends here. Validates references, encrypts personal data, numbers the appeal and writes it with
 * its citizen, first timeline event and idempotency record in one atomic statement.
 */
export interface RegisteredAppeal { appeal: AppealRow; citizen: CitizenRow | null; ownerPath: string[] }

/** With `tx`, the appeal is written in the caller's transaction (and commits or rolls back with what it writes next). */
export async function registerAppeal(deps: Deps, registrar: Registrar, input: RegisterAppealInput, idempotency?: IdempotencyRecord, tx?: Executor): Promise<RegisteredAppeal> {
  const jurisdictionId = registrar.kind === 'staff' ? registrar.user.jurisdictionId : registrar.jurisdictionId;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;

  let ownerUnitId = runtime.rootUnitId;
  let ownerPath = [runtime.rootUnitId];
  let actorUserId: string | null = null;
  let actorRole: string | null = null;
  if (input.visitors && trackOf(input) !== 'petition') throw new AppError('VALIDATION_FAILED', 'group visits are recorded on the petition track', { field: 'visitors' });
  if (registrar.kind === 'staff') {
    const grant = registrar.user.grants.find((g) => INTAKE_ROLES.has(g.role));
    if (!grant) throw new AppError('FORBIDDEN', 'only intake agents and dispatchers register appeals');
    ownerUnitId = grant.unitId;
    ownerPath = [...grant.unitPath];
    actorUserId = registrar.user.userId;
    actorRole = grant.role;
  }
  // An upper platform is named on the timeline as the one who registered its transfers.
  if (registrar.kind === 'upstream') actorUserId = `upstream:${registrar.platformId}`;

  const citizen = input.citizen;
  if (citizen?.phone !== undefined && !isPhoneNumber(citizen.phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'citizen.phone' });
  if (citizen?.idNumber !== undefined && !isIdNumber(citizen.idNumber, deps.now())) throw new AppError('INVALID_ID_NUMBER', undefined, { field: 'citizen.idNumber' });
  // Categories and area codes come from the runtime's cache: intake is the hottest path and they rarely change.
  const category = input.categoryId ? runtime.categories.get(input.categoryId) ?? null : null;
  if (input.categoryId && !category) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
  if (input.areaCode && !runtime.areaCodes.has(input.areaCode)) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCode' });
  if (input.accusedUnitId && !(await unitPaths(db, jurisdictionId, [input.accusedUnitId]))[input.accusedUnitId]) {
    throw new AppError('UNKNOWN_UNIT', undefined, { field: 'accusedUnitId' });
  }
  // A report against the receiving unit itself (or a unit above it) cannot be handled here: it would be invisible to
  // everyone who could act on it. It belongs to the next level up (or 纪检监察).
  if (input.accusedUnitId && ownerPath.includes(input.accusedUnitId)) {
    throw new AppError('ACCUSED_UNIT', 'the accused unit is the receiving unit or above it', { field: 'accusedUnitId' });
  }
  await checkRepeatPetition(deps, jurisdictionId, input);
  const visitors = input.visitors;
  // 信访工作条例: a visit by many people names at most 5 representatives.
  if (visitors && visitors.representatives.length > 5) throw new AppError('TOO_MANY_REPRESENTATIVES', undefined, { field: 'visitors.representatives', max: 5 });
  if (visitors?.representatives.some((r) => r.phone !== undefined && !isPhoneNumber(r.phone))) throw new AppError('INVALID_PHONE', undefined, { field: 'visitors.representatives.phone' });
  const kind = input.kind ?? category?.defaultKind ?? null;
  if (!kind) throw new AppError('VALIDATION_FAILED', 'kind is required when the category has no default kind', { field: 'kind' });
  const urgency = input.urgency ?? 'normal';
  const track = input.track ?? 'hotline';
  const policy = selectDeadlinePolicy(runtime.policies, { track, kind, urgency, categoryId: category?.id ?? null });

  const now = deps.now();
  const id = newId(now.getTime());
  const day = runtime.calendar.localDate(now).replaceAll('-', '');
  // Reports against a unit carry whistle-blower protection: confidential whatever the form said.
  const confidential = Boolean(input.confidential) || Boolean(input.accusedUnitId);
  const payload: Record<string, unknown> = { channel: input.channel, kind, urgency, track };
  if (input.external) payload.external = { source: input.external.source, id: input.external.id, dueAt: input.external.dueAt?.toISOString() ?? null };
  if (visitors) payload.visitors = { count: visitors.count, representatives: visitors.representatives.length };
  const prevHash = '';
  const actorUnitId = registrar.kind === 'staff' ? ownerUnitId : null;
  const event = { jurisdictionId, appealId: id, seq: 1, action: 'register', fromStatus: null, toStatus: 'registered', actorUserId, actorRole, actorUnitId, reason: null, payload, visibility: 'public', occurredAt: now, prevHash };
  const hash = eventHash(event);

  const citizenRow = citizen && (citizen.name || citizen.phone || citizen.idNumber || citizen.address) ? {
    jurisdictionId, id: newId(now.getTime()),
    nameEnc: citizen.name ? deps.cipher.encrypt(citizen.name.trim()) : null,
    phoneEnc: citizen.phone ? deps.cipher.encrypt(normalizePhone(citizen.phone)) : null,
    idNumberEnc: citizen.idNumber ? deps.cipher.encrypt(citizen.idNumber.trim().toUpperCase()) : null,
    addressEnc: citizen.address ? deps.cipher.encrypt(citizen.address.trim()) : null,
    phoneHash: citizen.phone ? deps.cipher.phoneHash(citizen.phone) : null,
  } : null;
  // Clocks that run from registration: the 信访 office's 15 days to triage.
  const triage = track === 'petition' ? (policy?.clocks as PolicyClocks | undefined)?.triage : undefined;
  const clock = triage ? { clock: 'triage', amount: triage.amount, unit: triage.unit, dueAt: runtime.calendar.addDuration(now, triage.amount, triage.unit) } : undefined;
  const row = {
    visitorCount: visitors?.count ?? null,
    representativesEnc: visitors?.representatives.length ? deps.cipher.encrypt(JSON.stringify(visitors.representatives.map((r) => ({ name: r.name.trim(), phone: r.phone ? normalizePhone(r.phone) : null })))) : null,
    relatedAppealId: input.relatedAppealId ?? null,
    externalSource: input.external?.source ?? null, externalId: input.external?.id ?? null, externalDueAt: input.external?.dueAt ?? null,
    jurisdictionId, id, queryCode: newQueryCode(), track, channel: input.channel, kind, urgency, status: 'registered',
    title: input.title.trim(), content: input.content.trim(), categoryId: category?.id ?? null, areaCode: input.areaCode ?? null,
    location: input.location?.trim() || null, confidential, consentPublish: Boolean(input.consentPublish), accusedUnitId: input.accusedUnitId ?? null,
    ownerUnitId, policyId: policy?.id ?? null, version: 1, lastEventSeq: 1, lastEventHash: hash, createdBy: actorUserId, createdAt: now, updatedAt: now,
  };
  const written = await insertIntake(deps.database, {
    appeal: row, numberPrefix: runtime.numberPrefix, day, citizen: citizenRow,
    event: { ...event, hash },
    idempotency: idempotency ? { ...idempotency, userId: actorUserId ?? 'public' } : undefined,
    clock,
    notification: citizenRow?.phoneEnc ? { id: newId(now.getTime()), recipientEnc: citizenRow.phoneEnc } : undefined,
  }, tx);
  const appeal = {
    ...row, number: written.number, citizenId: written.citizen?.id ?? null, routingRuleId: null, priorStatus: null, leadUnitId: null, coUnitIds: [], masterId: null,
    redoCount: 0, returnCount: 0, unitsPassed: 0, escalated: false, overdueMarked: false, urgeCount: 0, pending: null, reply: null, callback: null, outcome: null, closedAt: null,
    coOpinions: [], bulletinAt: null, extendedDays: 0,
  } satisfies AppealRow;
  return { appeal, citizen: written.citizen, ownerPath };
}

const trackOf = (input: RegisterAppealInput): Track => input.track ?? 'hotline';

/** 复核 is final: a petition linked to one concluded by 复核 (same facts and reasons) is refused at the door. */
async function checkRepeatPetition(deps: Deps, jurisdictionId: string, input: RegisterAppealInput): Promise<void> {
  if (!input.relatedAppealId) return;
  const related = await findAppeal(deps.database.db, jurisdictionId, input.relatedAppealId);
  if (!related) throw new AppError('UNKNOWN_APPEAL', undefined, { field: 'relatedAppealId' });
  const outcome = related.outcome as { final?: boolean } | null;
  if (trackOf(input) === 'petition' && related.track === 'petition' && outcome?.final) {
    throw new AppError('PETITION_FINAL', undefined, { field: 'relatedAppealId', number: related.number });
  }
}
