/** The console's client for /api/registry (值班, 领导接访, 民情日记). */
import { api } from '../../api/client';

export interface Person { userId: string; name: string | null }
export interface Shift { id: string; post: string; startsAt: string; endsAt: string; a: Person; b: Person; unitName: string | null }
export interface Swap { id: string; shiftId: string; slot: 'a' | 'b'; from: Person; to: Person; reason: string; status: 'pending' | 'approved' | 'rejected'; requestedAt: string }
export interface Rule { id: string; kind: string; leaderName: string; leaderTitle: string; recurrence: { freq: string; weekday?: number; nth?: number }; startTime: string; endTime: string; place: string; active: boolean }
export interface Matter { id: string; visitorName: string | null; visitorCount: number; content: string; appealId: string; number: string; status: string; assignedUnitName: string | null; dueAt: string; overdue: boolean; result: { text: string } | null; closedAt: string | null }
export interface Session { id: string; kind: string; leaderName: string | null; heldAt: string; place: string; summary: string; matters: Matter[]; closedMatters: number }
export interface CaseItem { id: string; leaderName: string | null; title: string; status: string; startedAt: string; progress: { note: string; at: string; by: string | null }[] }
export interface Diary { id: string; authorName: string | null; unitName: string | null; visitDate: string; place: string; peopleMet: string; needsHeard: string; plan: string; appealId: string | null }
export interface ComplianceRow { userId: string; name: string; unitName: string | null; entries: number; visitedOnVisitDay: boolean; compliant: boolean }
export interface Compliance { month: string; visitDate: string; rows: ComplianceRow[]; rate: number | null }
export interface Coverage { workingDays: number; coveredDays: number; uncoveredDays: string[] }

export const registryApi = {
  onDuty: (signal?: AbortSignal) => api.get<{ items: Shift[] }>('/api/registry/on-duty', undefined, signal),
  roster: (signal?: AbortSignal) => api.get<{ items: Shift[]; problems: { kind: string; shiftId: string }[] }>('/api/registry/shifts', undefined, signal),
  swaps: (signal?: AbortSignal) => api.get<{ items: Swap[] }>('/api/registry/swaps', undefined, signal),
  decideSwap: (id: string, decision: 'approve' | 'reject') => api.post<Swap>(`/api/registry/swaps/${id}/decision`, { decision }),
  rules: (signal?: AbortSignal) => api.get<{ items: Rule[] }>('/api/registry/reception-rules', undefined, signal),
  coverage: (signal?: AbortSignal) => api.get<Coverage>('/api/registry/reception-coverage', undefined, signal),
  sessions: (signal?: AbortSignal) => api.get<{ items: Session[] }>('/api/registry/sessions', undefined, signal),
  minutes: (id: string) => api.get<{ text: string }>(`/api/registry/sessions/${id}/minutes`),
  addMatter: (id: string, body: { content: string; visitorName?: string; visitorCount?: number; assignedUnitId?: string }) => api.post<Session>(`/api/registry/sessions/${id}/matters`, body),
  cases: (signal?: AbortSignal) => api.get<{ items: CaseItem[] }>('/api/registry/cases', undefined, signal),
  diaries: (month: string, signal?: AbortSignal) => api.get<{ items: Diary[] }>('/api/registry/diaries', { month }, signal),
  writeDiary: (body: { visitDate: string; place: string; peopleMet?: string; needsHeard: string; plan?: string }) => api.post<Diary>('/api/registry/diaries', body),
  toAppeal: (id: string) => api.post<Diary & { number: string }>(`/api/registry/diaries/${id}/to-appeal`, {}),
  compliance: (month: string, signal?: AbortSignal) => api.get<Compliance>('/api/registry/diary-compliance', { month }, signal),
};
