/** Demo staff accounts, one or more for every role. Names are fictional. */
import type { UserSeed } from './types';

/** Password of every demo account (demo only; never used outside `--demo`). */
export const DEMO_PASSWORD = 'minsheng-demo-2026';

export const DEMO_USERS: UserSeed[] = [
  // 区12345热线中心
  { username: 'agent', displayName: '孙晓静', unitKey: 'centre', roles: ['agent'] },
  { username: 'agent2', displayName: '韩冬梅', unitKey: 'centre', roles: ['agent'] },
  { username: 'dispatcher', displayName: '刘振华', unitKey: 'centre', roles: ['dispatcher'] },
  { username: 'supervisor', displayName: '陈立新', unitKey: 'centre', roles: ['supervisor'] },
  { username: 'callback', displayName: '赵雪莹', unitKey: 'centre', roles: ['callback'] },
  { username: 'leader', displayName: '王建国', unitKey: 'centre', roles: ['leader'] },
  { username: 'admin', displayName: '李明远', unitKey: 'centre', roles: ['admin'] },
  // 区直部门
  { username: 'zhujian.handler', displayName: '周文斌', unitKey: 'dept-zhujian', roles: ['handler'] },
  { username: 'zhujian.leader', displayName: '吴国庆', unitKey: 'dept-zhujian', roles: ['unit_leader'] },
  { username: 'chengguan.handler', displayName: '郑海涛', unitKey: 'dept-chengguan', roles: ['handler'] },
  { username: 'chengguan.leader', displayName: '冯志刚', unitKey: 'dept-chengguan', roles: ['unit_leader'] },
  { username: 'huanjing.handler', displayName: '褚丽娜', unitKey: 'dept-huanjing', roles: ['handler'] },
  { username: 'huanjing.leader', displayName: '蒋永强', unitKey: 'dept-huanjing', roles: ['unit_leader'] },
  // 街道/镇
  { username: 'gulou.handler', displayName: '杨晓燕', unitKey: 'street-370812001', roles: ['handler'] },
  { username: 'gulou.leader', displayName: '朱宏伟', unitKey: 'street-370812001', roles: ['unit_leader'] },
  { username: 'xinyi.handler', displayName: '秦玉兰', unitKey: 'street-370812102', roles: ['handler'] },
  { username: 'xinyi.leader', displayName: '许德胜', unitKey: 'street-370812102', roles: ['unit_leader'] },
  // 社区
  { username: 'weiyuan.handler', displayName: '何春霞', unitKey: 'station-370812001002', roles: ['handler'] },
];
