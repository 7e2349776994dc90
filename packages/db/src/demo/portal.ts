/**
 * Demo 领导接访 and 领导热线 schedules for the portal's directory (seed 000: leaders' open receptions and hotline
 * sessions). Names are fictional. Times are offsets from the day the demo is seeded, so the directory always shows
 * coming sessions: `dayOffset` calendar days ahead, `start`–`end` local time.
 */
export interface ScheduleSeed {
  kind: 'leader_reception' | 'hotline'; unitKey: string | null; leaderName: string; leaderTitle: string;
  dayOffset: number; start: string; end: string; place: string; topic: string;
}

export const DEMO_SCHEDULES: readonly ScheduleSeed[] = [
  { kind: 'leader_reception', unitKey: 'centre', leaderName: '高振华', leaderTitle: '区委常委、常务副区长', dayOffset: 1, start: '09:00', end: '11:30', place: '区群众来访接待中心一楼接待室', topic: '城市建设与房屋征收' },
  { kind: 'leader_reception', unitKey: 'centre', leaderName: '孙丽娟', leaderTitle: '副区长', dayOffset: 2, start: '09:00', end: '11:30', place: '区群众来访接待中心一楼接待室', topic: '教育、医疗与社会保障' },
  { kind: 'hotline', unitKey: 'centre', leaderName: '王建军', leaderTitle: '区政府办公室主任', dayOffset: 3, start: '09:30', end: '11:00', place: '12345热线直播间（电台政风行风热线同步直播）', topic: '冬季供暖与燃气安全' },
  { kind: 'leader_reception', unitKey: 'centre', leaderName: '张立新', leaderTitle: '副区长', dayOffset: 6, start: '14:30', end: '17:00', place: '区群众来访接待中心一楼接待室', topic: '农业农村与乡村振兴' },
  { kind: 'hotline', unitKey: 'centre', leaderName: '赵海峰', leaderTitle: '区住房和城乡建设局局长', dayOffset: 10, start: '09:30', end: '11:00', place: '12345热线直播间', topic: '物业管理与老旧小区改造' },
  { kind: 'leader_reception', unitKey: 'centre', leaderName: '陈志刚', leaderTitle: '区长', dayOffset: 13, start: '09:00', end: '12:00', place: '区群众来访接待中心二楼会议室', topic: '群众反映强烈的重点难点问题' },
];
