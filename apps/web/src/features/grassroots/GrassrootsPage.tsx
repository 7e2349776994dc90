import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n';
import { DisputesTab } from './DisputesTab';
import { FilesTab } from './FilesTab';
import { M } from './messages';
import { NetworkTab } from './NetworkTab';

/**
 * 基层治理: the grassroots network (工作站, 工作室, 信息员 and their compliance), community files (居情档案) and
 * dispute screening and early warning (矛盾纠纷排查预警). The server scopes every list to the user's units.
 */
export default function GrassrootsPage() {
  const m = useMessages(M);
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs destroyOnHidden items={[
        { key: 'network', label: m('network'), children: <NetworkTab /> },
        { key: 'files', label: m('files'), children: <FilesTab /> },
        { key: 'disputes', label: m('disputes'), children: <DisputesTab /> },
      ]} />
    </>
  );
}
