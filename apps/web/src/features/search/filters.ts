import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS, TRACKS } from '@minsheng/contracts';
import type { Query } from '../../api/client';

/** The search filters as they appear in the URL (`/appeals?status=handling,dispatched&overdue=true`) and in saved views. */
export interface SearchFilters {
  text?: string; status?: string[]; track?: string; kind?: string; channel?: string; unitId?: string; categoryId?: string; areaCode?: string;
  overdue?: 'true' | 'false'; createdFrom?: string; createdTo?: string;
}

const ONE_OF = (list: readonly string[]) => (v: string | null) => (v && list.includes(v) ? v : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Read filters from a query string, dropping anything the API would refuse. */
export function filtersFromParams(p: URLSearchParams): SearchFilters {
  const status = (p.get('status') ?? '').split(',').filter((s) => (APPEAL_STATUSES as readonly string[]).includes(s));
  const id = (v: string | null) => (v && UUID.test(v) ? v : undefined);
  const date = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? v : undefined);
  const f: SearchFilters = {
    text: p.get('text')?.trim().slice(0, 100) || undefined, status: status.length ? status : undefined,
    track: ONE_OF(TRACKS)(p.get('track')), kind: ONE_OF(APPEAL_KINDS)(p.get('kind')), channel: ONE_OF(CHANNELS)(p.get('channel')),
    unitId: id(p.get('unitId')), categoryId: id(p.get('categoryId')), areaCode: /^[0-9]{2,12}$/.test(p.get('areaCode') ?? '') ? p.get('areaCode')! : undefined,
    overdue: ONE_OF(['true', 'false'])(p.get('overdue')) as SearchFilters['overdue'], createdFrom: date(p.get('createdFrom')), createdTo: date(p.get('createdTo')),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as SearchFilters;
}

/** Filters as API query parameters (GET /api/appeals and GET /api/reports/appeals.xlsx take the same ones). */
export function filtersToQuery(f: SearchFilters): Query {
  return { ...f, status: f.status };
}

export function filtersToParams(f: SearchFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return p;
}

export interface SavedView { name: string; query: string }

const key = (userId: string) => `minsheng.views.${userId}`;

/** Saved views (常用查询) live in this browser's localStorage, per user. */
export const savedViews = {
  list(userId: string): SavedView[] {
    try {
      const v = JSON.parse(localStorage.getItem(key(userId)) ?? '[]') as unknown;
      return Array.isArray(v) ? v.filter((x): x is SavedView => typeof x?.name === 'string' && typeof x?.query === 'string') : [];
    } catch { return []; }
  },
  save(userId: string, view: SavedView): SavedView[] {
    const views = [...savedViews.list(userId).filter((v) => v.name !== view.name), view].slice(-30);
    localStorage.setItem(key(userId), JSON.stringify(views));
    return views;
  },
  remove(userId: string, name: string): SavedView[] {
    const views = savedViews.list(userId).filter((v) => v.name !== name);
    localStorage.setItem(key(userId), JSON.stringify(views));
    return views;
  },
};
