import type { ComplianceRow } from '../grassroots/network-compliance';

/**
 * The numbers behind one module's rate for one street or department: every item counted (a check, a leader, a
 * round, a revisit, a request) with whether it met the standard, so a rate can be traced back to what made it. Pure.
 */
export interface FigureItem { label: string; ok: boolean; detail?: string }
export interface ModuleFigure { numerator: number; denominator: number; items: FigureItem[] }

export function figureOf(items: readonly FigureItem[]): ModuleFigure {
  return { numerator: items.filter((i) => i.ok).length, denominator: items.length, items: [...items] };
}

/**
 * 工作网络 (§4–6, §13): the station, the unit's own officers, and — for a street — every community's room and
 * officers and every school's officers, each one check; community and school gaps count against their street.
 */
export function networkFigure(row: ComplianceRow, names: { area: (code: string) => string; schools: readonly string[] }): ModuleFigure {
  const items: FigureItem[] = [];
  const st = row.station;
  items.push({ label: '工作站', ok: st.compliant, detail: !st.exists ? '未设立' : st.compliant ? `${st.staffCount}人` : [...st.requirementsMissing.map((r) => `缺${r}`), `${st.staffCount}人`].join('，') });
  const unitGap = row.gaps.find((g) => g.kind === 'unit_officers');
  items.push({ label: '本单位信息员', ok: !unitGap, detail: `${row.unitOfficers}人${unitGap && unitGap.kind === 'unit_officers' ? `，应不少于${unitGap.need}人` : ''}` });
  const communityCodes = [...new Set(row.gaps.flatMap((g) => ('areaCode' in g ? [g.areaCode] : [])))];
  // The row keeps counts, not the list of communities; the failing ones are named by their gaps, the rest counted.
  const roomGaps = (code: string) => row.gaps.filter((g) => 'areaCode' in g && g.areaCode === code && g.kind !== 'community_officers');
  const officerGap = (code: string) => row.gaps.find((g) => g.kind === 'community_officers' && g.areaCode === code);
  const failingRooms = communityCodes.filter((c) => roomGaps(c).length > 0);
  const failingOfficers = communityCodes.filter((c) => officerGap(c));
  for (const c of failingRooms) items.push({ label: `${names.area(c)}工作室`, ok: false, detail: roomGaps(c).map(gapText).join('，') });
  for (let i = 0; i < row.communities - failingRooms.length; i++) items.push({ label: '社区工作室', ok: true });
  for (const c of failingOfficers) items.push({ label: `${names.area(c)}信息员`, ok: false, detail: gapText(officerGap(c)!) });
  for (let i = 0; i < row.communities - failingOfficers.length; i++) items.push({ label: '社区信息员', ok: true });
  for (const school of names.schools) {
    const gap = row.gaps.find((g) => g.kind === 'school_officers' && g.orgName === school);
    items.push({ label: `${school}信息员`, ok: !gap, ...(gap ? { detail: gapText(gap) } : {}) });
  }
  return figureOf(items);
}

function gapText(g: ComplianceRow['gaps'][number]): string {
  switch (g.kind) {
    case 'no_room': return '未设工作室';
    case 'room_requirement': return `缺${g.item}`;
    case 'room_staff': case 'community_officers': case 'school_officers': case 'station_staff': case 'unit_officers': return `${g.have}人，应不少于${g.need}人`;
    case 'station_requirement': return `缺${g.item}`;
    case 'no_station': return '未设立';
  }
}

/** 回访: revisits that fell due in the month (up to `today`), on time when recorded by the month's last day. */
export function revisitFigure(revisits: readonly { label: string; dueDate: string; doneDate: string | null }[], month: string, today: string): ModuleFigure {
  const monthEnd = `${month}-31`;
  return figureOf(revisits.filter((r) => r.dueDate.startsWith(`${month}-`) && r.dueDate <= today).map((r) => {
    const ok = r.doneDate !== null && r.doneDate <= monthEnd;
    return { label: r.label, ok, detail: `应回访 ${r.dueDate}，${r.doneDate ? `${r.doneDate} 已回访` : '未回访'}` };
  }));
}

/** 排查: rounds due in the month — owed once the due date has come or the street returned — returned by the due date. */
export function screeningFigure(rounds: readonly { title: string; dueDate: string; returnedDate: string | null }[], month: string, today: string): ModuleFigure {
  return figureOf(rounds.filter((r) => r.dueDate.startsWith(`${month}-`) && (r.dueDate <= today || r.returnedDate !== null)).map((r) => ({
    label: r.title, ok: r.returnedDate !== null && r.returnedDate <= r.dueDate, detail: `${r.dueDate} 前报送，${r.returnedDate ? `${r.returnedDate} 已报送` : '未报送'}`,
  })));
}

/**
 * 代办: requests whose promise fell to be judged in the month — completed in it, or still open with their deadline
 * passed in it — finished within the promised time. Returned requests (退回) are not judged.
 */
export function proxyFigure(requests: readonly { number: string; status: string; dueAt: Date | null; closedAt: Date | null }[], from: Date, to: Date, now: Date): ModuleFigure {
  const end = now < to ? now : to;
  const items: FigureItem[] = [];
  for (const r of requests) {
    if (r.status === 'completed' && r.closedAt && r.closedAt >= from && r.closedAt < to) {
      const ok = r.dueAt !== null && r.closedAt <= r.dueAt;
      items.push({ label: r.number, ok, detail: ok ? '按时办结' : '超时办结' });
    } else if (!r.closedAt && r.dueAt && r.dueAt >= from && r.dueAt < end) {
      items.push({ label: r.number, ok: false, detail: '超期未办结' });
    }
  }
  return figureOf(items);
}

/** 领导接访: scheduled receptions of the month up to now, held when a session on the same day was recorded. */
export function receptionFigure(scheduled: readonly { date: string; leaderName: string }[], held: readonly { date: string; leaderName: string }[]): ModuleFigure {
  const unused = [...held];
  return figureOf([...scheduled].sort((a, b) => a.date.localeCompare(b.date)).map((s) => {
    // Prefer the session of the named leader; any session of the unit that day also counts (a deputy received).
    let i = unused.findIndex((h) => h.date === s.date && h.leaderName === s.leaderName);
    if (i < 0) i = unused.findIndex((h) => h.date === s.date);
    const ok = i >= 0;
    if (ok) unused.splice(i, 1);
    return { label: `${s.date} ${s.leaderName}`, ok, detail: ok ? '已接访' : '未记录接访' };
  }));
}

/** 民情日记: each leader of the unit (and the units below it) is one item, met with at least the minimum entries. */
export function diaryFigure(rows: readonly { name: string; entries: number; compliant: boolean }[]): ModuleFigure {
  return figureOf(rows.map((r) => ({ label: r.name, ok: r.compliant, detail: `${r.entries}篇` })));
}

/** 居情档案: each community of the street is one item, met when every section of its file is filled. */
export function fileFigure(rows: readonly { areaName: string; complete: boolean; missingLabels: readonly string[] }[]): ModuleFigure {
  return figureOf(rows.map((r) => ({ label: r.areaName, ok: r.complete, ...(r.complete ? {} : { detail: `缺${r.missingLabels.join('、')}` }) })));
}
