import { Tabs } from 'antd';
import { PageTitle } from '../../components/PageTitle';
import { useMessages } from '../../i18n';
import { AssessmentTab } from './AssessmentTab';
import { FiguresTab } from './FiguresTab';
import { M } from './messages';

/** 考核指标: the KPI figures with drill-down, and the monthly assessment by tier. */
export default function IndicatorsPage() {
  const m = useMessages(M);
  return (
    <>
      <PageTitle title={m('title')} />
      <Tabs destroyOnHidden items={[
        { key: 'figures', label: m('figures'), children: <FiguresTab /> },
        { key: 'assessment', label: m('assessment'), children: <AssessmentTab /> },
      ]} />
    </>
  );
}
