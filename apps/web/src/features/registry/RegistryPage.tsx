import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../../auth/AuthContext';
import { useMessages } from '../../i18n';
import { DiariesTab } from './DiariesTab';
import { M } from './messages';
import { ReceptionsTab } from './ReceptionsTab';
import { RegistryReportTab } from './RegistryReportTab';
import { RosterTab } from './RosterTab';

/**
 * 群众工作: 值班表 for the hotline's staff (agents and callback staff see it to ask for swaps), 领导接访 for the
 * centre's managers, 民情日记 for leaders and overseers. The server checks every call again.
 */
export default function RegistryPage() {
  const m = useMessages(M);
  const { hasRole } = useAuth();
  const roster = hasRole('admin', 'supervisor', 'leader', 'dispatcher', 'agent', 'callback');
  const receptions = hasRole('admin', 'supervisor', 'leader', 'dispatcher');
  const diaries = hasRole('admin', 'supervisor', 'leader', 'dispatcher', 'unit_leader');
  // 月度考核: the centre's overseers (every unit) and unit leaders (their own); the server scopes the rows.
  const reportReader = hasRole('admin', 'supervisor', 'leader', 'unit_leader');
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs destroyOnHidden items={[
        ...(roster ? [{ key: 'roster', label: m('roster'), children: <RosterTab /> }] : []),
        ...(receptions ? [{ key: 'receptions', label: m('receptions'), children: <ReceptionsTab /> }] : []),
        ...(diaries ? [{ key: 'diaries', label: m('diaries'), children: <DiariesTab /> }] : []),
        ...(reportReader ? [{ key: 'report', label: m('report'), children: <RegistryReportTab /> }] : []),
      ]} />
    </>
  );
}
