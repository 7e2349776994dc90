import { Badge, Flex, Tooltip, Typography } from 'antd';
import type { Deadline } from '../api/types';
import { defineMessages, useI18n, useMessages } from '../i18n';
import { formatSpan, formatTime } from './time';

const M = defineMessages({
  zh: { left: '剩余 {span}', overdue: '超期 {span}', paused: '已暂停', stopped: '已结束', due: '截止 {at}', none: '无计时' },
  en: { left: '{span} left', overdue: 'overdue {span}', paused: 'paused', stopped: 'stopped', due: 'due {at}', none: 'no clock' },
});

const STATUS = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** One clock: light, name, time left or overdue, due time. */
export function DeadlineLine({ d, now = Date.now(), compact = false }: { d: Deadline; now?: number; compact?: boolean }) {
  const { label, lang } = useI18n();
  const m = useMessages(M);
  const diff = Date.parse(d.dueAt) - (d.stoppedAt ? Date.parse(d.stoppedAt) : now);
  const state = !d.running ? m('stopped') : d.paused ? m('paused') : diff < 0 || d.overdue ? m('overdue', { span: formatSpan(diff, lang) }) : m('left', { span: formatSpan(diff, lang) });
  const text = `${label('clock', d.clock)} · ${state}`;
  const line = (
    <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
      <Badge status={d.running ? STATUS[d.light] : 'default'} />
      <Typography.Text type={d.running && d.light === 'red' ? 'danger' : undefined} style={{ fontSize: compact ? 12 : 14 }}>{text}</Typography.Text>
      {compact ? null : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('due', { at: formatTime(d.dueAt) })}</Typography.Text>}
    </Flex>
  );
  return compact ? <Tooltip title={m('due', { at: formatTime(d.dueAt) })}>{line}</Tooltip> : line;
}

/** The running clocks of an appeal (yellow at the configured share, red when overdue), most urgent first. */
export function DeadlineLights({ deadlines, compact = false, all = false }: { deadlines: Deadline[]; compact?: boolean; all?: boolean }) {
  const m = useMessages(M);
  const shown = (all ? deadlines : deadlines.filter((d) => d.running)).slice().sort((a, b) => Number(b.running) - Number(a.running) || a.dueAt.localeCompare(b.dueAt));
  if (!shown.length) return <Typography.Text type="secondary" style={{ fontSize: compact ? 12 : 14 }}>{m('none')}</Typography.Text>;
  const now = Date.now();
  return <Flex vertical gap={compact ? 0 : 4}>{shown.map((d) => <DeadlineLine key={d.clock} d={d} now={now} compact={compact} />)}</Flex>;
}
