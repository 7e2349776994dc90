/**
 * The console's client for 留言板审核 (GET /api/board-posts, PATCH /api/board-posts/:appealId) and 每月通报
 * (GET /api/monthly-figures, POST /api/admin/monthly-bulletins). Publishing needs admin, supervisor or leader at the
 * centre; anyone else gets 403.
 */
import { api } from '../../api/client';

export type BoardPostStatus = 'pending' | 'approved' | 'rejected';

/** A board post as staff review it: texts already redacted; `redactions` counts, per field, what was taken out. */
export interface BoardPost {
  appealId: string;
  number: string;
  status: BoardPostStatus;
  title: string;
  content: string;
  reply: string;
  categoryId: string | null;
  categoryName: string | null;
  areaCode: string | null;
  unitId: string | null;
  unitName: string | null;
  redactions: Record<'title' | 'content' | 'reply', Record<string, number>>;
  askedAt: string;
  repliedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  publishedAt: string | null;
  version: number;
}

export interface BoardReview { version: number; title: string; content: string; reply: string; decision: 'approve' | 'reject'; note?: string }

export async function listBoardPosts(status: BoardPostStatus, signal?: AbortSignal): Promise<BoardPost[]> {
  return (await api.get<{ items: BoardPost[] }>('/api/board-posts', { status }, signal)).items;
}

/** Approve or reject; the answer lists personal data the detectors still find in the saved text (`remaining`). */
export function reviewBoardPost(appealId: string, review: BoardReview): Promise<BoardPost & { remaining: string[] }> {
  return api.patch(`/api/board-posts/${appealId}`, review);
}

export function publishMonthlyBulletin(month: string): Promise<{ month: string; units: number; published: number }> {
  return api.post('/api/admin/monthly-bulletins', { month });
}
