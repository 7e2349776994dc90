import { Button, Card, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { AppealStatus } from '@minsheng/contracts';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n';

/** Stand-in for a work queue until its screen is built: the right title and a link to search filtered by its states. */
export function QueuePlaceholder({ title, statuses }: { title: MessageKey; statuses: readonly AppealStatus[] }) {
  const { t, label } = useI18n();
  return (
    <>
      <PageTitle title={t(title)} />
      <Card>
        <Result status="info" title={t('common.comingSoon')} subTitle={`${t('queue.placeholder')}（${statuses.map((s) => label('status', s)).join('、')}）`}
          extra={<Link to={`/appeals?status=${statuses.join(',')}`}><Button type="primary">{t('queue.openSearch')}</Button></Link>} />
      </Card>
    </>
  );
}
