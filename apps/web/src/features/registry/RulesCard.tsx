import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useI18n, useMessages } from '../../i18n';
import { CancelForm } from './CancelForm';
import { M } from './messages';
import { describeRecurrence } from './recurrence';
import { registryApi } from './registry-api';
import type { Rule } from './registry-api';
import { RuleForm } from './RuleForm';

/** 循环安排: the recurring receptions and hotlines published to the portal; add, edit, stop or restart, or cancel one. */
export function RulesCard({ onChanged }: { onChanged: () => void }) {
  const m = useMessages(M);
  const { t, lang } = useI18n();
  const notify = useNotify();
  const rules = useApi((s) => registryApi.rules(s), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Rule | null>(null);
  const [cancelling, setCancelling] = useState<Rule | null>(null);
  const changed = () => { rules.reload(); onChanged(); };
  async function setActive(r: Rule, active: boolean) {
    try {
      await registryApi.setRuleActive(r.id, active, r.version);
      notify.success(active ? m('ruleStarted') : m('ruleStopped'));
      changed();
    } catch (e) { notify.error(e); }
  }
  const status = (r: Rule) => {
    if (r.cancelledAt) return <Tooltip title={`${m('cancelReason')}：${r.cancelReason ?? ''}`}><Tag>{m('cancelled')}</Tag></Tooltip>;
    return <Tag color={r.active ? 'green' : 'default'}>{r.active ? m('active') : m('stopped')}</Tag>;
  };
  return (
    <Card size="small" title={m('rules')} extra={<Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{m('addRule')}</Button>}>
      {rules.error ? <ErrorAlert error={rules.error} onRetry={rules.reload} /> : null}
      <Table<Rule> size="small" rowKey="id" loading={rules.loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rules.data?.items ?? []} scroll={{ x: 1040 }} data-testid="registry-rules" columns={[
        { title: m('kind'), width: 110, render: (_, r) => <Tag color={r.kind === 'hotline' ? 'purple' : 'blue'}>{m(r.kind)}</Tag> },
        { title: m('leader'), width: 200, render: (_, r) => <span className="ms-wrap">{r.leaderName}{r.leaderTitle ? `（${r.leaderTitle}）` : ''}</span> },
        { title: m('recurrence'), width: 210, render: (_, r) => <span className="ms-wrap">{describeRecurrence(r.recurrence, m, lang)} {r.startTime}–{r.endTime}</span> },
        { title: `${m('place')} / ${m('topic')}`, render: (_, r) => <span className="ms-wrap">{r.place || '—'}{r.topic ? ` · ${r.topic}` : ''}</span> },
        { title: m('status'), width: 230, fixed: 'right', render: (_, r) => (
          <Space size={0} wrap>
            {status(r)}
            {r.cancelledAt ? null : <>
              <Button size="small" type="link" onClick={() => setEditing(r)}>{m('edit')}</Button>
              {r.active ? (
                <Popconfirm title={m('stopConfirm')} onConfirm={() => void setActive(r, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button size="small" type="link">{m('stop')}</Button>
                </Popconfirm>
              ) : <Button size="small" type="link" onClick={() => void setActive(r, true)}>{m('start')}</Button>}
              <Button size="small" type="link" danger onClick={() => setCancelling(r)}>{m('cancel')}</Button>
            </>}
          </Space>
        ) },
      ]} />
      <RuleForm open={adding} onClose={() => setAdding(false)} done={changed} />
      {editing ? <RuleForm open rule={editing} onClose={() => setEditing(null)} done={changed} /> : null}
      {cancelling ? (
        <CancelForm open title={`${m('cancelRule')} · ${cancelling.leaderName}`} hint={m('cancelRuleHint')} onClose={() => setCancelling(null)} done={changed}
          submit={async (reason) => { await registryApi.cancelRule(cancelling.id, reason, cancelling.version); return m('ruleCancelled'); }} />
      ) : null}
    </Card>
  );
}
