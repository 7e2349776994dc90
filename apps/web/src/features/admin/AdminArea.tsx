import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Result, Skeleton, Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

const Units = lazy(() => import('./UnitsAdmin'));
const Users = lazy(() => import('./UsersAdmin'));
const Categories = lazy(() => import('./CategoriesAdmin'));
const Routing = lazy(() => import('./RoutingAdmin'));
const Deadlines = lazy(() => import('./DeadlinesAdmin'));
const Settings = lazy(() => import('./SettingsAdmin'));
const Calendar = lazy(() => import('./CalendarAdmin'));
const Templates = lazy(() => import('./TemplatesAdmin'));
const Knowledge = lazy(() => import('./KnowledgeAdmin'));
const Open311 = lazy(() => import('./Open311Admin'));
const Schedules = lazy(() => import('./SchedulesAdmin'));
const Areas = lazy(() => import('./AreasAdmin'));
const RevealAudit = lazy(() => import('./RevealAuditAdmin'));

// A tab's title is a dictionary key, or its own zh/en pair for a tab whose words live with its screen.
const TABS: { key: string; title: MessageKey | { zh: string; en: string }; element: JSX.Element }[] = [
  { key: 'units', title: 'nav.adminUnits', element: <Units /> },
  { key: 'users', title: 'nav.adminUsers', element: <Users /> },
  { key: 'areas', title: { zh: '区域', en: 'Areas' }, element: <Areas /> },
  { key: 'categories', title: 'nav.adminCategories', element: <Categories /> },
  { key: 'routing', title: 'nav.adminRouting', element: <Routing /> },
  { key: 'deadlines', title: 'nav.adminDeadlines', element: <Deadlines /> },
  { key: 'settings', title: 'nav.adminSettings', element: <Settings /> },
  { key: 'calendar', title: 'nav.adminCalendar', element: <Calendar /> },
  { key: 'templates', title: 'nav.adminTemplates', element: <Templates /> },
  { key: 'knowledge', title: 'nav.adminKnowledge', element: <Knowledge /> },
  { key: 'open311', title: { zh: 'Open311 接口', en: 'Open311' }, element: <Open311 /> },
  { key: 'schedules', title: { zh: '接访与热线安排', en: 'Reception schedules' }, element: <Schedules /> },
  { key: 'reveal-audit', title: { zh: '查看记录审计', en: 'Reveal audit' }, element: <RevealAudit /> },
];

/** 系统管理: one tab per thing the admin API configures; each tab is its own chunk. */
export default function AdminArea() {
  const { t, lang } = useI18n();
  const title = (x: (typeof TABS)[number]['title']) => (typeof x === 'string' ? t(x) : x[lang === 'en' ? 'en' : 'zh']);
  const location = useLocation();
  const navigate = useNavigate();
  const active = location.pathname.split('/')[2] ?? 'units';
  return (
    <>
      <PageTitle title={`${t('nav.admin')} · ${title(TABS.find((x) => x.key === active)?.title ?? 'nav.admin')}`} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/admin/${k}`)} items={TABS.map((x) => ({ key: x.key, label: title(x.title) }))} style={{ marginBottom: 0 }} />
      <Suspense fallback={<Skeleton active />}>
        <Routes>
          <Route index element={<Navigate to="units" replace />} />
          {TABS.map((x) => <Route key={x.key} path={x.key} element={x.element} />)}
          <Route path="*" element={<Result status="404" title="404" />} />
        </Routes>
      </Suspense>
    </>
  );
}
