/** The console's client for /api/grassroots (网格与信息员, 居情档案, 矛盾纠纷); types mirror the server's presenter.ts. */
import { api } from '../../api/client';

export type Gap = { kind: string; areaCode?: string; areaName?: string | null; item?: string; have?: number; need?: number; orgName?: string };
export interface ComplianceRow {
  unitId: string; unitName: string | null; areaCode: string | null; station: { exists: boolean; staffCount: number; requirementsMissing: string[]; compliant: boolean };
  unitOfficers: number; communities: number; rooms: number; compliantRooms: number; communitiesWithOfficers: number; roomCoverage: number | null; officerCoverage: number | null; gaps: Gap[]; compliant: boolean;
}
export interface Totals { units: number; stations: number; stationCoverage: number | null; communities: number; roomCoverage: number | null; officerCoverage: number | null; compliantUnits: number }
export interface Compliance {
  rules: { stationRequirements: string[]; roomRequirements: string[]; stationMinStaff: number; roomMinStaff: number; officersMinStreet: number; officersMinDepartment: number; officersMinCommunity: number };
  streets: ComplianceRow[]; departments: ComplianceRow[]; totals: { streets: Totals; departments: Totals };
}
export interface Post { id: string; kind: 'station' | 'room'; unitId: string | null; unitName: string | null; areaCode: string | null; areaName: string | null; name: string; head: string; staffCount: number; requirementsMet: string[] }
export type OfficerLevel = 'street' | 'department' | 'community' | 'school';
export interface Officer { id: string; level: OfficerLevel; unitId: string; unitName: string | null; areaCode: string | null; areaName: string | null; orgName: string; name: string; phone: string | null }
export type Risk = 'low' | 'medium' | 'high';
export interface Report { id: string; officerName: string | null; unitName: string | null; areaName: string | null; content: string; riskLevel: Risk; status: 'pending' | 'dispute' | 'appeal' | 'dismissed'; disputeId: string | null; appealId: string | null; filedAt: string }
export interface CoverageStreet { unitId: string; unitName: string; areaCode: string; communities: number; complete: number; started: number; coverage: number | null; rows: { areaCode: string; areaName: string | null; filled: string[]; missing: string[]; complete: boolean }[] }
export interface FileCoverage { sections: string[]; streets: CoverageStreet[]; totals: { communities: number; complete: number; coverage: number | null } }
export interface CommunityFile {
  areaCode: string; areaName: string; streetName: string | null;
  sections: { section: string; content: string | null; version: number; updatedBy: string | null; updatedAt: string | null }[];
  history: { section: string; version: number; content: string; by: string | null; at: string }[];
}
export type DisputeStatus = 'open' | 'mediating' | 'resolved' | 'unresolved';
export interface Dispute {
  id: string; title: string; description: string; kind: string; riskLevel: Risk; areaCode: string | null; areaName: string | null; ownerUnitId: string; ownerUnitName: string | null;
  parties: { name: string | null; phone: string | null; role: string }[]; status: DisputeStatus; outcome: string; source: string; reportedAt: string; resolvedAt: string | null;
  steps: { id: string; action: string; note: string; by: string | null; at: string }[];
  revisits: { seq: number; dueDate: string; due: boolean; doneAt: string | null; finding: string | null; note: string }[];
}
export interface Warning { id: string; disputeId: string; title: string; riskLevel: Risk; status: DisputeStatus; areaName: string | null; ownerUnitName: string | null; raisedAt: string; acknowledgedAt: string | null; acknowledgedBy: string | null }
export interface DueRevisit { disputeId: string; seq: number; dueDate: string; title: string; ownerUnitName: string | null; areaName: string | null }
export interface Round { id: string; title: string; periodStart: string; periodEnd: string; dueDate: string; streets: number; returned: number; rate: number | null; missing: { unitId: string; unitName: string | null }[]; returns: { unitId: string; unitName: string | null; disputesFound: number }[] }

export const grassrootsApi = {
  compliance: (s?: AbortSignal) => api.get<Compliance>('/api/grassroots/compliance', undefined, s),
  posts: (s?: AbortSignal) => api.get<{ items: Post[] }>('/api/grassroots/posts', undefined, s),
  createPost: (body: Record<string, unknown>) => api.post<Post>('/api/grassroots/posts', body),
  patchPost: (id: string, body: Record<string, unknown>) => api.patch<Post>(`/api/grassroots/posts/${id}`, body),
  officers: (s?: AbortSignal) => api.get<{ items: Officer[] }>('/api/grassroots/officers', undefined, s),
  addOfficer: (body: Record<string, unknown>) => api.post<Officer>('/api/grassroots/officers', body),
  fileReport: (officerId: string, body: { content: string; riskLevel: Risk }) => api.post<Report>(`/api/grassroots/officers/${officerId}/reports`, body),
  reports: (s?: AbortSignal) => api.get<{ items: Report[] }>('/api/grassroots/reports', undefined, s),
  reportToDispute: (id: string, body: { title: string; kind: string }) => api.post<{ dispute: Dispute }>(`/api/grassroots/reports/${id}/to-dispute`, body),
  reportToAppeal: (id: string) => api.post<{ number: string; appealId: string }>(`/api/grassroots/reports/${id}/to-appeal`, {}),
  dismissReport: (id: string) => api.post<Report>(`/api/grassroots/reports/${id}/dismiss`, {}),
  fileCoverage: (s?: AbortSignal) => api.get<FileCoverage>('/api/grassroots/files', undefined, s),
  file: (code: string, s?: AbortSignal) => api.get<CommunityFile>(`/api/grassroots/files/${code}`, undefined, s),
  writeSection: (code: string, section: string, content: string) => api.put<CommunityFile>(`/api/grassroots/files/${code}/${section}`, { content }),
  disputes: (s?: AbortSignal) => api.get<{ items: Dispute[] }>('/api/grassroots/disputes', undefined, s),
  registerDispute: (body: Record<string, unknown>) => api.post<Dispute>('/api/grassroots/disputes', body),
  addStep: (id: string, body: { action: string; note: string; outcome?: string; riskLevel?: Risk }) => api.post<Dispute>(`/api/grassroots/disputes/${id}/steps`, body),
  recordRevisit: (id: string, seq: number, body: { finding: 'stable' | 'recurred'; note: string }) => api.post<Dispute>(`/api/grassroots/disputes/${id}/revisits/${seq}`, body),
  revisits: (s?: AbortSignal) => api.get<{ items: DueRevisit[] }>('/api/grassroots/revisits', undefined, s),
  warnings: (s?: AbortSignal) => api.get<{ open: number; items: Warning[] }>('/api/grassroots/warnings', undefined, s),
  ackWarning: (id: string) => api.post<Warning>(`/api/grassroots/warnings/${id}/ack`, {}),
  rounds: (s?: AbortSignal) => api.get<{ items: Round[] }>('/api/grassroots/screening-rounds', undefined, s),
  createRound: (body: { title: string; periodStart: string; periodEnd: string; dueDate: string }) => api.post<Round>('/api/grassroots/screening-rounds', body),
  returnRound: (id: string, body: { unitId?: string; disputesFound: number; note?: string }) => api.post<Round>(`/api/grassroots/screening-rounds/${id}/returns`, body),
};

/** '85%' or '—'. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`);
