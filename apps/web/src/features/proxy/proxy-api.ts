/** The console's client for /api/proxy (民生事项代办). */
import { api } from '../../api/client';

export type ProxyLevel = 'district' | 'street' | 'community';
export type ProxyAction = 'start' | 'request_materials' | 'resume' | 'complete' | 'return';
export interface ProxyItem { id: string; code: string; name: string; level: ProxyLevel; unitId: string | null; unitName: string | null; procedure: string[]; materials: string[]; promisedDays: number; fee: string; active: boolean }
export interface ProxyRequest {
  id: string; number: string; queryCode: string; item: { id: string; code: string; name: string; level: ProxyLevel } | null; unitName: string | null; agentName: string | null;
  applicantName: string; applicantPhone: string | null; matter: string; status: string; promisedDays: number; acceptedAt: string; dueAt: string | null; light: string;
  /** Past the promised deadline (still open, or closed late); `overdueNotifiedAt`: when the sweep told the unit. */
  overdue: boolean; overdueNotifiedAt: string | null;
  closedAt: string | null; result: string; steps: { seq: number; action: string; status: string; note: string; by: string | null; at: string }[];
}
/** The list's filter: 未办结, 超期 (open or closed late), 临期, 已办结. */
export type RequestsState = 'open' | 'overdue' | 'due_soon' | 'closed';
export interface ItemInput { code: string; name: string; level: ProxyLevel; procedure: string[]; materials: string[]; promisedDays: number; fee?: string }

export const proxyApi = {
  items: (signal?: AbortSignal) => api.get<{ items: ProxyItem[] }>('/api/proxy/items', undefined, signal),
  createItem: (body: ItemInput) => api.post<ProxyItem>('/api/proxy/items', body),
  setItemActive: (id: string, active: boolean) => api.patch<ProxyItem>(`/api/proxy/items/${id}`, { active }),
  requests: (state: RequestsState | undefined, signal?: AbortSignal) => api.get<{ items: ProxyRequest[] }>('/api/proxy/requests', { state }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<ProxyRequest>(`/api/proxy/requests/${id}`, undefined, signal),
  register: (body: { itemId: string; applicantName: string; applicantPhone?: string; matter?: string }) => api.post<ProxyRequest>('/api/proxy/requests', body),
  act: (id: string, action: ProxyAction, note?: string) => api.post<ProxyRequest>(`/api/proxy/requests/${id}/actions`, { action, ...(note ? { note } : {}) }),
};
