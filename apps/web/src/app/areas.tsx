import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import {
  AlertOutlined, ApartmentOutlined, AuditOutlined, BarChartOutlined, FileSearchOutlined, FileTextOutlined, InboxOutlined, MessageOutlined, PhoneOutlined, SendOutlined, SettingOutlined, SolutionOutlined,
  TeamOutlined, TrophyOutlined,
} from '@ant-design/icons';
import type { Role } from '@minsheng/contracts';
import type { MessageKey } from '../i18n';

/**
 * THE route table: path, title, who may open it, and whether it is in the side navigation. Navigation, guards and
 * landing pages all read it. Each entry's screen is a lazy import, so each area is its own chunk.
 */
export interface AreaRoute {
  /** react-router path below the layout, e.g. `dispatch` or `appeals/:id`; `/*` for areas with their own sub-routes. */
  path: string;
  /** Where the navigation links to (defaults to `/${path}`). */
  href?: string;
  title: MessageKey;
  /** Roles that may open it; 'all' = every signed-in staff member. */
  roles: readonly Role[] | 'all';
  /** Shown in the side navigation with this icon. */
  icon?: ReactNode;
  screen: LazyExoticComponent<ComponentType>;
}

export const AREAS: readonly AreaRoute[] = [
  // Work queues (工作队列), one per role.
  { path: 'intake', title: 'nav.intake', roles: ['agent', 'dispatcher'], icon: <PhoneOutlined />, screen: lazy(() => import('../features/queues/IntakeQueue')) },
  { path: 'dispatch', title: 'nav.dispatch', roles: ['dispatcher'], icon: <SendOutlined />, screen: lazy(() => import('../features/queues/DispatchQueue')) },
  { path: 'handling', title: 'nav.handling', roles: ['handler', 'unit_leader'], icon: <InboxOutlined />, screen: lazy(() => import('../features/queues/HandlingQueue')) },
  { path: 'review', title: 'nav.review', roles: ['unit_leader'], icon: <AuditOutlined />, screen: lazy(() => import('../features/queues/ReviewQueue')) },
  { path: 'callback', title: 'nav.callback', roles: ['callback'], icon: <SolutionOutlined />, screen: lazy(() => import('../features/queues/CallbackQueue')) },
  { path: 'supervision', title: 'nav.supervision', roles: ['supervisor'], icon: <AlertOutlined />, screen: lazy(() => import('../features/queues/SupervisionQueue')) },
  // Shared areas.
  { path: 'appeals', title: 'nav.search', roles: 'all', icon: <FileSearchOutlined />, screen: lazy(() => import('../features/search/SearchPage')) },
  { path: 'appeals/:id', title: 'nav.appeal', roles: 'all', screen: lazy(() => import('../features/appeals/AppealDetailPage')) },
  { path: 'dashboard', title: 'nav.dashboard', roles: ['leader', 'supervisor', 'dispatcher', 'unit_leader', 'admin'], icon: <BarChartOutlined />, screen: lazy(() => import('../features/dashboard/DashboardPage')) },
  { path: 'indicators', title: 'nav.indicators', roles: ['leader', 'supervisor', 'admin', 'unit_leader'], icon: <TrophyOutlined />, screen: lazy(() => import('../features/indicators/IndicatorsPage')) },
  // 分析报告 (周报, 月报, 信访分析报告): the server lets only the centre's leader, supervisor and admin read them.
  { path: 'reports', title: 'nav.reports', roles: ['leader', 'supervisor', 'admin'], icon: <FileTextOutlined />, screen: lazy(() => import('../features/reports/ReportsPage')) },
  // 留言板审核: the server lets only the centre's (root unit's) admin, supervisor and leader publish.
  { path: 'board', title: 'nav.board', roles: ['admin', 'supervisor', 'leader'], icon: <MessageOutlined />, screen: lazy(() => import('../features/board/BoardReview')) },
  // 群众工作 (值班表, 领导接访, 民情日记): the centre's roles (agents and callback staff see the roster to ask for swaps); unit leaders write and oversee diaries.
  { path: 'registry', title: 'nav.registry', roles: ['leader', 'unit_leader', 'supervisor', 'dispatcher', 'admin', 'agent', 'callback'], icon: <TeamOutlined />, screen: lazy(() => import('../features/registry/RegistryPage')) },
  // 基层治理 (网格与信息员, 居情档案, 矛盾纠纷): the centre's overseers, and street (and department) unit leaders for their own unit.
  { path: 'grassroots', title: 'nav.grassroots', roles: ['supervisor', 'leader', 'admin', 'unit_leader'], icon: <ApartmentOutlined />, screen: lazy(() => import('../features/grassroots/GrassrootsPage')) },
  // 听证会: organised by the centre's leader, supervisor and admin, and unit leaders for their unit.
  { path: 'hearings', title: 'nav.hearings', roles: ['leader', 'unit_leader', 'supervisor', 'admin'], icon: <AuditOutlined />, screen: lazy(() => import('../features/hearings/HearingsPage')) },
  // 民生事项代办: 代办员 at the centre, streets and community stations; the catalogue is the admin's.
  { path: 'proxy', title: 'nav.proxy', roles: ['agent', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'admin'], icon: <SolutionOutlined />, screen: lazy(() => import('../features/proxy/ProxyPage')) },
  { path: 'admin/*', href: '/admin', title: 'nav.admin', roles: ['admin'], icon: <SettingOutlined />, screen: lazy(() => import('../features/admin/AdminArea')) },
];

/** Where each role lands after login (its own work queue). A user with several roles lands on the first in this order. */
export const HOME_BY_ROLE: readonly [Role, string][] = [
  ['agent', '/intake'], ['dispatcher', '/dispatch'], ['handler', '/handling'], ['unit_leader', '/review'], ['callback', '/callback'],
  ['supervisor', '/supervision'], ['leader', '/dashboard'], ['admin', '/admin'],
];

export function homeFor(roles: readonly Role[]): string {
  return HOME_BY_ROLE.find(([r]) => roles.includes(r))?.[1] ?? '/appeals';
}

export function allowed(area: Pick<AreaRoute, 'roles'>, roles: readonly Role[]): boolean {
  return area.roles === 'all' || area.roles.some((r) => roles.includes(r));
}
