/** The console's client for /api/hearings (听证会). */
import { api } from '../../api/client';

export type HearingStatus = 'draft' | 'announced' | 'held' | 'concluded' | 'cancelled';
export interface Representative { id: string; kind: 'resident' | 'enterprise'; name: string; phone: string | null; organisation: string; constituency: string; attended: boolean | null }
export interface Material { id: string; title: string; summary: string; public: boolean }
export interface Hearing {
  id: string; title: string; topic: string; organiserUnitId: string; organiserName: string | null; place: string; scheduledAt: string; minNoticeDays: number; notice: string;
  status: HearingStatus; minutes: string; outcome: string; cancelReason: string; announcedAt: string | null; heldAt: string | null; concludedAt: string | null;
  published: boolean; representatives: Representative[]; materials: Material[]; canManage?: boolean;
}
export interface HearingInput { title: string; topic: string; place: string; scheduledAt: string; minNoticeDays?: number; notice?: string }
export interface ActionInput { action: 'announce' | 'hold' | 'conclude' | 'cancel'; minutes?: string; attendedRepresentativeIds?: string[]; outcome?: string; reason?: string }

export const hearingsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Hearing[] }>('/api/hearings', undefined, signal),
  create: (body: HearingInput) => api.post<Hearing>('/api/hearings', body),
  edit: (id: string, body: Partial<HearingInput>) => api.patch<Hearing>(`/api/hearings/${id}`, body),
  addRepresentative: (id: string, body: { kind: string; name: string; phone?: string; organisation?: string; constituency?: string }) => api.post<Hearing>(`/api/hearings/${id}/representatives`, body),
  addMaterial: (id: string, body: { title: string; summary?: string; public?: boolean }) => api.post<Hearing>(`/api/hearings/${id}/materials`, body),
  act: (id: string, body: ActionInput) => api.post<Hearing>(`/api/hearings/${id}/actions`, body),
  publish: (id: string, published: boolean) => api.post<Hearing>(`/api/hearings/${id}/publication`, { published }),
};
