import { useSearchParams } from 'react-router-dom';
import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n';
import { AnalysisTab } from './AnalysisTab';
import { M } from './messages';
import { OverviewTab } from './OverviewTab';
import { RankingTab } from './RankingTab';

const TABS = ['overview', 'analysis', 'ranking'] as const;
type Tab = (typeof TABS)[number];

/**
 * 数据看板: today's figures and overdue lights, the analysis charts (trend, kinds and categories, street map) and
 * the ranking with hot topics and warnings. The tab is in the URL so a link opens it; only the open tab loads.
 * Every figure is the server's, over the user's scope (leaders the jurisdiction, units their subtree).
 */
export default function DashboardPage() {
  const m = useMessages(M);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'overview';
  const screens: Record<Tab, () => JSX.Element> = { overview: () => <OverviewTab />, analysis: () => <AnalysisTab />, ranking: () => <RankingTab /> };
  const names: Record<Tab, string> = { overview: m('tabOverview'), analysis: m('tabAnalysis'), ranking: m('tabRanking') };
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} style={{ marginTop: -8 }}
        items={TABS.map((key) => ({ key, label: names[key], children: key === tab ? screens[key]() : null }))} />
    </>
  );
}
