import { Typography } from 'antd';
import { defineMessages, useMessages } from '../../i18n';
import type { RoutingSuggestion } from './text-api';

const M = defineMessages({
  zh: { lead: '建议承办：{unit}', co: '协办：{units}', none: '派单目录暂无建议，由派单员人工确定', duty: '部门职责事项' },
  en: { lead: 'Proposed lead: {unit}', co: 'Co-units: {units}', none: 'No routing proposal; the dispatcher decides', duty: 'Department duty' },
});

/** 派单建议: the routing catalogue's lead and co-units for the category × area, with why. */
export function RoutingHint({ routing, unitName }: { routing: RoutingSuggestion | null; unitName: (id: string) => string }) {
  const m = useMessages(M);
  if (!routing?.leadUnitId) return <Typography.Text type="secondary">{m('none')}</Typography.Text>;
  return (
    <div data-testid="routing-hint">
      <Typography.Text strong>{m('lead', { unit: routing.leadUnitName ?? unitName(routing.leadUnitId) })}</Typography.Text>
      {routing.departmentDuty ? <Typography.Text type="secondary"> · {m('duty')}</Typography.Text> : null}
      {routing.coUnitIds.length ? <div>{m('co', { units: routing.coUnitIds.map(unitName).join('、') })}</div> : null}
      <div><Typography.Text type="secondary" style={{ fontSize: 12 }} className="ms-wrap">{routing.why}</Typography.Text></div>
    </div>
  );
}
