import type { AppealKind, Channel, SatisfactionLevel, UnitKind } from '@minsheng/contracts';
import { api } from '../api/client';

// The public portal's API (/api/portal/*): no session, personal data never returned.

export interface PortalConfig {
  jurisdiction: { id: string; name: string };
  kinds: AppealKind[];
  /** The mailboxes a letter can go to: 市长信箱, 网络问政 (web), 投诉举报信箱. */
  channels: Channel[];
  categories: { id: string; parentId: string | null; name: string; level: number }[];
  limits: { maxFiles: number; maxFileBytes: number; titleMax: number; contentMax: number };
}
export interface AreaOption { code: string; name: string; path: string }
export interface HumanCheck { token: string; svg: string }
/** `attachmentsSaved` false: the letter was registered but its files could not be kept (the page says so). */
export interface Submitted { number: string; queryCode: string; status: string; attachmentsSaved?: boolean }
export interface TrackView {
  number: string; title: string; kind: AppealKind; categoryName: string | null; status: string; statusText: string; createdAt: string; dueAt: string | null;
  timeline: { at: string; text: string }[];
  reply: { text: string; at: string; unitName: string | null } | null;
  canRate: boolean;
  rating: { satisfaction: SatisfactionLevel; solved: boolean; at: string } | null;
}
export interface BoardItem { number: string; title: string; content: string; reply: string; categoryName: string | null; areaName: string | null; unitName: string | null; askedAt: string; repliedAt: string }
export interface Page<T> { items: T[]; nextCursor: string | null }
export interface UnitFigures { unitId: string; unitName: string; received: number; replied: number; onTime: number; onTimeRate: number | null; rated: number; satisfied: number; satisfactionRate: number | null }
export interface Stats { month: string | null; months: string[]; publishedAt: string | null; units: UnitFigures[] }
export interface Directory {
  units: { id: string; name: string; kind: UnitKind; phone: string; address: string; receptionHours: string }[];
  schedules: { kind: 'leader_reception' | 'hotline'; leaderName: string; leaderTitle: string; unitName: string | null; startsAt: string; endsAt: string; place: string; topic: string }[];
}
export interface Article { id: string; title: string; body: string; categoryName: string | null; updatedAt: string }
export interface Rating { satisfaction: SatisfactionLevel; solved: boolean; comment?: string }

export interface PublicHearing {
  id: string; title: string; topic: string; organiserName: string | null; place: string; scheduledAt: string; status: string; notice: string; announcedAt: string | null;
  representatives: { residents: number; enterprises: string[]; attended: number | null }; materials: { title: string; summary: string }[];
  minutes: string | null; outcome: string | null; cancelReason: string | null;
}
export interface PublicProxyItem { id: string; code: string; name: string; level: 'district' | 'street' | 'community'; unitName: string | null; procedure: string[]; materials: string[]; promisedDays: number; fee: string }
export interface ProxyTrackView {
  number: string; itemName: string; level: string | null; unitName: string | null; status: string; promisedDays: number; acceptedAt: string; dueAt: string | null;
  overdue: boolean; closedAt: string | null; result: string | null; steps: { status: string; note: string; at: string }[];
}

export const portalApi = {
  config: () => api.get<PortalConfig>('/api/portal/config'),
  areas: (q: string, signal?: AbortSignal) => api.get<{ items: AreaOption[] }>('/api/portal/areas', { q }, signal),
  humanCheck: () => api.get<HumanCheck>('/api/portal/human-check'),
  submit: (form: FormData) => api.upload<Submitted>('/api/portal/appeals', form),
  track: (number: string, queryCode: string) => api.post<TrackView>('/api/portal/track', { number, queryCode }),
  rate: (number: string, queryCode: string, rating: Rating) => api.post<TrackView>('/api/portal/track/rate', { number, queryCode, ...rating }),
  board: (query: Record<string, string | undefined>) => api.get<Page<BoardItem>>('/api/portal/board', query),
  boardItem: (number: string) => api.get<BoardItem>(`/api/portal/board/${encodeURIComponent(number)}`),
  stats: (month?: string) => api.get<Stats>('/api/portal/stats', { month }),
  directory: () => api.get<Directory>('/api/portal/directory'),
  knowledge: (q: string, cursor?: string) => api.get<Page<Article>>('/api/portal/knowledge', { q, cursor }),
  hearings: () => api.get<{ items: PublicHearing[] }>('/api/portal/hearings'),
  proxyItems: (query: { level?: string; q?: string }) => api.get<{ items: PublicProxyItem[] }>('/api/portal/proxy-items', query),
  proxyTrack: (number: string, queryCode: string) => api.post<ProxyTrackView>('/api/portal/proxy-track', { number, queryCode }),
};
