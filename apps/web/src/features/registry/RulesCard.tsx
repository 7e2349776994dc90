import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useI18n, useMessages } from '../../i18n';
import { M } from './messages';
import { describeRecurrence } from './recurrence';
import { registryApi } from './registry-api';
import type { Rule } from './registry-api';
import { RuleForm } from './RuleForm';

/** 循环安排: the recurring receptions and hotlines published to the portal; add one, stop or restart it. */
export function RulesCard({ onChanged }: { onChanged: () => void }) {
  const m = useMessages(M);
  const { t, lang } = useI18n();
  const notify = useNotify();
  const rules = useApi((s) => registryApi.rules(s), []);
  const [adding, setAdding] = useState(false);
  async function setActive(r: Rule, active: boolean) {
    try {
      await registryApi.setRuleActive(r.id, active);
      notify.success(active ? m('ruleStarted') : m('ruleStopped'));
      rules.reload(); onChanged();
    } catch (e) { notify.error(e); }
  }
  return (
    <Card size="small" title={m('rules')} extra={<Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{m('addRule')}</Button>}>
      {rules.error ? <ErrorAlert error={rules.error} onRetry={rules.reload} /> : null}
      <Table<Rule> size="small" rowKey="id" loading={rules.loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rules.data?.items ?? []} scroll={{ x: 960 }} data-testid="registry-rules" columns={[
        { title: m('kind'), width: 110, render: (_, r) => <Tag color={r.kind === 'hotline' ? 'purple' : 'blue'}>{m(r.kind)}</Tag> },
        { title: m('leader'), width: 200, render: (_, r) => <span className="ms-wrap">{r.leaderName}{r.leaderTitle ? `（${r.leaderTitle}）` : ''}</span> },
        { title: m('recurrence'), width: 210, render: (_, r) => <span className="ms-wrap">{describeRecurrence(r.recurrence, m, lang)} {r.startTime}–{r.endTime}</span> },
        { title: `${m('place')} / ${m('topic')}`, render: (_, r) => <span className="ms-wrap">{r.place || '—'}{r.topic ? ` · ${r.topic}` : ''}</span> },
        { title: m('status'), width: 150, fixed: 'right', render: (_, r) => (
          <Space size={4}>
            <Tag color={r.active ? 'green' : 'default'}>{r.active ? m('active') : m('stopped')}</Tag>
            {r.active ? (
              <Popconfirm title={m('stopConfirm')} onConfirm={() => void setActive(r, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button size="small" type="link" danger>{m('stop')}</Button>
              </Popconfirm>
            ) : <Button size="small" type="link" onClick={() => void setActive(r, true)}>{m('start')}</Button>}
          </Space>
        ) },
      ]} />
      <RuleForm open={adding} onClose={() => setAdding(false)} done={() => { rules.reload(); onChanged(); }} />
    </Card>
  );
}
