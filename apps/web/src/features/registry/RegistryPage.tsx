import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useAuth } from '../../auth/AuthContext';
import { useMessages } from '../../i18n';
import { DiariesTab } from './DiariesTab';
import { M } from './messages';
import { ReceptionsTab } from './ReceptionsTab';
import { RosterTab } from './RosterTab';

/** 群众工作: 值班表, 领导接访 and 民情日记; unit leaders see only their diaries (the roster is the centre's). */
export default function RegistryPage() {
  const m = useMessages(M);
  const { roles } = useAuth();
  const centre = roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'leader' || r === 'dispatcher');
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs destroyOnHidden items={[
        ...(centre ? [{ key: 'roster', label: m('roster'), children: <RosterTab /> }, { key: 'receptions', label: m('receptions'), children: <ReceptionsTab /> }] : []),
        { key: 'diaries', label: m('diaries'), children: <DiariesTab /> },
      ]} />
    </>
  );
}
