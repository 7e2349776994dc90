import dayjs from 'dayjs';
import type { Lang } from '../i18n';

export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** "2天3小时" / "2d 3h" between now and a due time (absolute; the caller says whether it is left or overdue). */
export function formatSpan(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
  const zh = lang !== 'en';
  const parts: string[] = [];
  if (d) parts.push(zh ? `${d}天` : `${d}d`);
  if (h) parts.push(zh ? `${h}小时` : `${h}h`);
  if (!d && m) parts.push(zh ? `${m}分钟` : `${m}min`);
  return parts.join(zh ? '' : ' ') || (zh ? '不到1分钟' : '<1min');
}
