import { STATUS_LABELS } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import type { NotificationRow } from '@minsheng/db';
import { DeliveryError } from './transports/transport';

/** A message in zh-CN: the subject is used for e-mail, the text for both SMS and e-mail. */
export interface RenderedMessage { subject: string; text: string }

type Params = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/**
 * Render a citizen or unit notification. `localDate` turns an instant into the jurisdiction's calendar date.
 * Texts are short enough for one or two SMS segments; a gateway adds the registered signature (短信签名) itself.
 */
export function renderMessage(template: string, params: Params, localDate: (instant: Date) => string): RenderedMessage {
  const number = str(params.number);
  const title = str(params.title);
  const code = str(params.queryCode);
  switch (template) {
    case 'appeal_registered':
      return { subject: `诉求已受理 ${number}`, text: `您的诉求已受理，编号${number}，查询码${code}。请妥善保存，可凭编号和查询码查询办理进度。` };
    case 'appeal_replied':
      return { subject: `诉求已答复 ${number}`, text: `您的诉求（编号${number}）已有办理答复，可凭编号和查询码${code}查询答复内容。` };
    case 'appeal_closed':
      return { subject: `诉求${closingLabel(params.status)} ${number}`, text: closingText(params.status, number, code) };
    case 'unit_assigned':
      return { subject: `【新工单】${number} ${title}`, text: `贵单位收到一件新诉求，请及时签收办理。\n编号：${number}\n标题：${title}\n请登录民声平台查看详情。` };
    case 'unit_urged': {
      const reason = str(params.reason);
      return { subject: `【催办】${number} ${title}`, text: `诉求（编号${number}，${title}）已被催办，请抓紧办理。${reason ? `\n催办事由：${reason}` : ''}` };
    }
    case 'unit_supervised': {
      const replyBy = params.replyBy ? localDate(new Date(str(params.replyBy))) : '';
      return { subject: `【督办】${number} ${title}`, text: `诉求（编号${number}，${title}）已被督办，${replyBy ? `请于${replyBy}前` : '请及时'}书面回复办理情况。` };
    }
    case 'proxy_due_soon': {
      const due = params.dueAt ? localDate(new Date(str(params.dueAt))) : '';
      return { subject: `【代办临期】${number} ${title}`, text: `代办件（编号${number}，${title}）承诺时限即将届满${due ? `（${due}）` : ''}，请抓紧办理。` };
    }
    case 'proxy_overdue': {
      const due = params.dueAt ? localDate(new Date(str(params.dueAt))) : '';
      return { subject: `【代办超期】${number} ${title}`, text: `代办件（编号${number}，${title}）已超过承诺时限${due ? `（应于${due}前办结）` : ''}，请尽快办结并说明原因。` };
    }
    default:
      throw new DeliveryError(`no text template ${template}`, true);
  }
}

function closingLabel(status: unknown): string {
  return STATUS_LABELS[status as AppealStatus] ?? '已办结';
}

function closingText(status: unknown, number: string, code: string): string {
  if (status === 'referred') return `您的诉求（编号${number}）已转由有关渠道依法处理，可凭编号和查询码${code}查询详情。`;
  if (status === 'rejected') return `您的诉求（编号${number}）不予受理，可凭编号和查询码${code}查询原因。`;
  return `您的诉求（编号${number}）已办结，可凭编号和查询码${code}查询办理结果。感谢您的支持。`;
}

/**
 * The report-back document for an upper platform (template upstream_status). `sequence` is the event's number on
 * the appeal's timeline: retries can deliver reports out of order, so the platform keeps the highest it has seen.
 * `deliveryId` stays the same across retries of one report, so the platform can drop repeats.
 */
export function renderUpstreamStatus(row: Pick<NotificationRow, 'id' | 'eventSeq' | 'params' | 'createdAt'>, sentAt: Date): string {
  const { platformId: _platformId, ...report } = (row.params ?? {}) as Params;
  return JSON.stringify({ deliveryId: row.id, sequence: row.eventSeq, ...report, occurredAt: row.createdAt.toISOString(), sentAt: sentAt.toISOString() });
}
