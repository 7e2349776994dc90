import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, normalizePhone } from '@minsheng/domain';
import { refundHumanCheck, spendHumanCheck } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { registerAppeal } from '../../appeals/use-cases/register-appeal';
import { prepareAttachments, saveAttachments } from '../../attachments/prepare-attachments';
import type { Uploads } from '../../attachments/read-uploads';
import { verifyHumanCheck } from '../human-check';
import { enforceRateLimit } from '../rate-limit';
import { parseSubmission } from '../submission-fields';

export interface SubmitPortalAppeal {
  jurisdictionId: string;
  ip: string;
  /** Reads the multipart body; called only after the per-IP limit passed, so a flood is refused before it is read. */
  read: () => Promise<Uploads>;
  log?: { error: (obj: unknown, msg: string) => void } | undefined;
}

/**
 * 写信 (市长信箱 / 网络问政 / 投诉举报) without an account. Everything that can refuse the letter runs before
 * anything is written: rate limits, field checks, the human check, the files (type by content, size, count). Then
 * the check's nonce is spent, the appeal goes through the ordinary intake (`registerAppeal`, channel of the chosen
 * mailbox) and the files are stored.
 */
export async function submitPortalAppeal(deps: Deps, s: SubmitPortalAppeal) {
  const runtime = await requireRuntime(deps, s.jurisdictionId);
  const limits = runtime.settings.portal;
  await enforceRateLimit(deps, s.jurisdictionId, `submit:ip:${s.ip}`, limits.submitPerIp);
  const { fields, files } = await s.read();
  const form = parseSubmission(fields);
  if (files.some((f) => f.field !== 'files')) throw new AppError('VALIDATION_FAILED', 'files go in parts named "files"', { field: 'files' });
  const now = deps.now();
  const nonce = verifyHumanCheck(deps.config.secret, form.humanCheckToken, form.humanCheckAnswer, now);
  const prepared = prepareAttachments(files);
  if (!isPhoneNumber(form.phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  // The phone is counted by its keyed hash: the counter table never holds a number in clear.
  await enforceRateLimit(deps, s.jurisdictionId, `submit:phone:${deps.cipher.phoneHash(normalizePhone(form.phone))}`, limits.submitPerPhone);
  if (!(await spendHumanCheck(deps.database.db, s.jurisdictionId, nonce, now))) throw new AppError('HUMAN_CHECK_FAILED', 'already used', { field: 'humanCheckAnswer' });

  let registered;
  try {
    registered = await registerAppeal(deps, { kind: 'public', jurisdictionId: s.jurisdictionId }, {
      channel: form.channel, kind: form.kind, title: form.title, content: form.content, categoryId: form.categoryId, areaCode: form.areaCode,
      citizen: { name: form.name, phone: form.phone, address: form.address }, accusedUnitId: form.accusedUnitId,
      confidential: form.confidential, consentPublish: form.consentPublish,
    });
  } catch (err) {
    // Refused at intake (unknown category, area…): nothing was written, so the solved check may be used again.
    await refundHumanCheck(deps.database.db, s.jurisdictionId, nonce);
    throw err;
  }
  const appeal = registered.appeal;
  let attachmentsSaved = true;
  if (prepared.length) {
    try {
      await deps.database.db.transaction((tx) => saveAttachments(tx, deps.cipher, { jurisdictionId: s.jurisdictionId, appealId: appeal.id, files: prepared, source: 'citizen', uploadedBy: null, at: now }));
    } catch (err) {
      // Intake commits on its own statement, so the appeal exists by now: the citizen still gets the number (with
      // the failure said), rather than an error that invites a duplicate letter. The files were all-or-nothing.
      attachmentsSaved = false;
      s.log?.error({ err: { message: (err as Error).message.split('params:')[0] }, appealId: appeal.id }, 'portal attachments not saved');
    }
  }
  return { number: appeal.number, queryCode: appeal.queryCode, status: appeal.status, attachments: attachmentsSaved ? prepared.length : 0, attachmentsSaved };
}
