/** The console's client for /api/registry (值班, 领导接访, 民情日记); types mirror the server's presenter.ts. */
import { api } from '../../api/client';

export interface Person { userId: string; name: string | null }
export interface Shift { id: string; post: string; startsAt: string; endsAt: string; a: Person; b: Person; unitId: string | null; unitName: string | null; note: string }
export interface Swap { id: string; shiftId: string; slot: 'a' | 'b'; from: Person; to: Person; reason: string; status: 'pending' | 'approved' | 'rejected'; requestedAt: string }
export type Recurrence = { freq: 'weekly'; weekday: number } | { freq: 'monthly'; nth: number; weekday: number } | { freq: 'working_days' };
export type ReceptionKind = 'leader_reception' | 'hotline';
export interface Rule {
  id: string; kind: ReceptionKind; unitId: string | null; unitName: string | null; leaderUserId: string | null; leaderName: string; leaderTitle: string;
  recurrence: Recurrence; startTime: string; endTime: string; place: string; topic: string; active: boolean;
  version: number; cancelledAt: string | null; cancelReason: string | null;
}
export interface Matter { id: string; visitorName: string | null; visitorCount: number; content: string; appealId: string; number: string; status: string; assignedUnitName: string | null; dueAt: string; overdue: boolean; result: { text: string } | null; closedAt: string | null }
export interface Session { id: string; kind: ReceptionKind; leaderUserId: string; leaderName: string | null; unitName: string | null; heldAt: string; place: string; summary: string; matters: Matter[]; closedMatters: number; ruleId: string | null; unitId: string | null; version: number; cancelledAt: string | null; cancelReason: string | null }
/** A person of GET /api/registry/staff: name, units and roles only. */
export interface StaffMember { id: string; displayName: string; leader: boolean; roles: { role: string; unitId: string; unitName: string | null }[] }
export interface CaseItem { id: string; leaderUserId: string; leaderName: string | null; title: string; appealId: string | null; unitName: string | null; status: 'open' | 'resolved'; startedAt: string; resolvedAt: string | null; progress: { id: string; note: string; at: string; by: string | null }[] }
export interface Diary { id: string; authorUserId: string; authorName: string | null; unitName: string | null; visitDate: string; place: string; peopleMet: string; needsHeard: string; plan: string; appealId: string | null }
export interface ComplianceRow { userId: string; name: string; unitName: string | null; entries: number; visitedOnVisitDay: boolean; compliant: boolean }
export interface Compliance { month: string; visitDate: string; rows: ComplianceRow[]; rate: number | null }
export interface Coverage { month: string; workingDays: number; coveredDays: number; uncoveredDays: string[]; leaders: { leaderName: string; receptions: number; compliant: boolean }[]; minPerLeader: number }

export interface ShiftBody { post: string; startsAt: string; endsAt: string; aUserId: string; bUserId: string; note?: string }
export interface RuleBody { kind: ReceptionKind; unitId?: string | null; leaderUserId?: string; leaderName: string; leaderTitle?: string; recurrence: Recurrence; startTime: string; endTime: string; place?: string; topic?: string }
export interface SessionBody { kind: ReceptionKind; leaderUserId: string; heldAt: string; ruleId?: string; unitId?: string; place?: string; summary?: string }
export interface MatterBody { content: string; visitorName?: string; visitorCount?: number; assignedUnitId?: string }
export interface CaseBody { leaderUserId: string; title: string; appealId?: string; unitId?: string }

export const registryApi = {
  onDuty: (signal?: AbortSignal) => api.get<{ items: Shift[] }>('/api/registry/on-duty', undefined, signal),
  roster: (signal?: AbortSignal) => api.get<{ items: Shift[]; problems: { kind: string; shiftId: string }[] }>('/api/registry/shifts', undefined, signal),
  createShift: (body: ShiftBody) => api.post<Shift>('/api/registry/shifts', body),
  patchShift: (id: string, body: Partial<ShiftBody>) => api.patch<Shift>(`/api/registry/shifts/${id}`, body),
  requestSwap: (shiftId: string, body: { slot: 'a' | 'b'; toUserId: string; reason?: string }) => api.post<Swap>(`/api/registry/shifts/${shiftId}/swaps`, body),
  swaps: (signal?: AbortSignal) => api.get<{ items: Swap[] }>('/api/registry/swaps', undefined, signal),
  decideSwap: (id: string, decision: 'approve' | 'reject') => api.post<Swap>(`/api/registry/swaps/${id}/decision`, { decision }),
  rules: (signal?: AbortSignal) => api.get<{ items: Rule[] }>('/api/registry/reception-rules', undefined, signal),
  createRule: (body: RuleBody) => api.post<Rule & { scheduled: number }>('/api/registry/reception-rules', body),
  setRuleActive: (id: string, active: boolean, version?: number) => api.patch<Rule>(`/api/registry/reception-rules/${id}`, { active, ...(version ? { version } : {}) }),
  /** Edit a schedule (its coming dates are published anew); `version` as read, so a concurrent edit is refused. */
  editRule: (id: string, body: Partial<Omit<RuleBody, 'leaderUserId'>> & { leaderUserId?: string | null; version: number }) => api.patch<Rule & { scheduled: number }>(`/api/registry/reception-rules/${id}`, body),
  cancelRule: (id: string, reason: string, version: number) => api.post<Rule>(`/api/registry/reception-rules/${id}/cancel`, { reason, version }),
  editSession: (id: string, body: Partial<Omit<SessionBody, 'ruleId'>> & { version: number }) => api.patch<Session>(`/api/registry/sessions/${id}`, body),
  cancelSession: (id: string, reason: string, version: number) => api.post<Session>(`/api/registry/sessions/${id}/cancel`, { reason, version }),
  /** The roster editors' staff list (403 for other roles); `q` searches names. */
  staff: (query: { q?: string; leaders?: boolean; limit?: number }, signal?: AbortSignal) =>
    api.get<{ items: StaffMember[]; truncated: boolean }>('/api/registry/staff', query, signal),
  coverage: (signal?: AbortSignal) => api.get<Coverage>('/api/registry/reception-coverage', undefined, signal),
  sessions: (signal?: AbortSignal) => api.get<{ items: Session[] }>('/api/registry/sessions', undefined, signal),
  recordSession: (body: SessionBody) => api.post<Session>('/api/registry/sessions', body),
  minutes: (id: string) => api.get<{ text: string }>(`/api/registry/sessions/${id}/minutes`),
  addMatter: (id: string, body: MatterBody) => api.post<Session>(`/api/registry/sessions/${id}/matters`, body),
  cases: (signal?: AbortSignal) => api.get<{ items: CaseItem[] }>('/api/registry/cases', undefined, signal),
  ownCase: (body: CaseBody) => api.post<CaseItem>('/api/registry/cases', body),
  addProgress: (id: string, body: { note: string; resolved?: boolean }) => api.post<CaseItem>(`/api/registry/cases/${id}/progress`, body),
  diaries: (month: string, signal?: AbortSignal) => api.get<{ items: Diary[] }>('/api/registry/diaries', { month }, signal),
  writeDiary: (body: { visitDate: string; place: string; peopleMet?: string; needsHeard: string; plan?: string }) => api.post<Diary>('/api/registry/diaries', body),
  toAppeal: (id: string) => api.post<Diary & { number: string }>(`/api/registry/diaries/${id}/to-appeal`, {}),
  compliance: (month: string, signal?: AbortSignal) => api.get<Compliance>('/api/registry/diary-compliance', { month }, signal),
};
