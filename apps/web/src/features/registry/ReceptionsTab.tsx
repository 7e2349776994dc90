import { useState } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../i18n';
import { CasesCard } from './CasesCard';
import type { CaseSeed } from './CaseForm';
import { M } from './messages';
import { registryApi } from './registry-api';
import { RulesCard } from './RulesCard';
import { SessionsCard } from './SessionsCard';

/** 领导接访: this month's coverage, recurring schedules, sessions with matters and results, minutes, 包案. */
export function ReceptionsTab() {
  const m = useMessages(M);
  const coverage = useApi((s) => registryApi.coverage(s), []);
  const sessions = useApi((s) => registryApi.sessions(s), []);
  const cases = useApi((s) => registryApi.cases(s), []);
  const [caseSeed, setCaseSeed] = useState<CaseSeed | null>(null);
  const error = coverage.error ?? sessions.error ?? cases.error;
  const reload = () => { coverage.reload(); sessions.reload(); cases.reload(); };
  const c = coverage.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {c && (
        <Card size="small" title={m('coverage')} data-testid="registry-coverage">
          {m('coverageText', { w: c.workingDays, c: c.coveredDays })}
          {c.uncoveredDays.length ? (
            <Typography.Text type="warning" className="ms-wrap"> · {m('uncovered')}：{c.uncoveredDays.slice(0, 8).map((d) => d.slice(5)).join('、')}{c.uncoveredDays.length > 8 ? ' …' : ''}</Typography.Text>
          ) : null}
          <div style={{ marginTop: 6 }}>
            <Typography.Text type="secondary">{m('perLeader', { n: c.minPerLeader })}</Typography.Text>
            {c.leaders.map((l) => <Tag key={l.leaderName} color={l.compliant ? 'green' : 'red'} style={{ marginBottom: 4 }}>{l.leaderName} {l.receptions}</Tag>)}
          </div>
        </Card>
      )}
      <RulesCard onChanged={coverage.reload} />
      <SessionsCard sessions={sessions} onChanged={reload}
        onOwnCase={(x, s) => setCaseSeed({ title: x.content.slice(0, 200), appealId: x.appealId, appealNumber: x.number, leaderUserId: s.leaderUserId })} />
      <CasesCard cases={cases} seed={caseSeed} setSeed={setCaseSeed} onChanged={cases.reload} />
    </Space>
  );
}
