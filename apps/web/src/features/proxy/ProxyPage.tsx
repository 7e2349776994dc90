import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n';
import { CatalogueTab } from './CatalogueTab';
import { M } from './messages';
import { RequestsTab } from './RequestsTab';

/** 民生代办: the requests of the user's units, and the public catalogue of items (kept by the admin). */
export default function ProxyPage() {
  const m = useMessages(M);
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs destroyOnHidden items={[
        { key: 'requests', label: m('requests'), children: <RequestsTab /> },
        { key: 'catalogue', label: m('catalogue'), children: <CatalogueTab /> },
      ]} />
    </>
  );
}
