import { Button, Divider, Flex, Typography } from 'antd';
import type { AppealAction } from '@minsheng/contracts';
import type { AppealDetail } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { defineMessages, useMessages } from '../../i18n';
import type { ActionValues } from '../appeals/action-forms';
import { CategorySuggestions } from './CategorySuggestions';
import { DuplicateCandidates } from './DuplicateCandidates';
import { RoutingHint } from './RoutingHint';
import { useSuggestion } from './useSuggestion';

const M = defineMessages({
  zh: { title: '智能辅助', merge: '并入此件', differs: '分类建议与当前分类不同，可点击建议更正分类' },
  en: { title: 'Assistant', merge: 'Merge into it', differs: 'The suggestion differs from the current category: click one to correct it' },
});

/**
 * 派单辅助 for a new appeal: the classifier's categories (a click opens 更正分类 prefilled), the routing proposal for the
 * appeal's category and area, and likely duplicates (并入 opens the merge form with that appeal as master).
 */
export function DispatchAssist({ appeal, propose }: { appeal: AppealDetail; propose: (action: AppealAction, values: ActionValues) => void }) {
  const m = useMessages(M);
  const ref = useReference();
  const assist = useSuggestion({ title: appeal.title, content: appeal.content, areaCode: appeal.areaCode ?? undefined, categoryId: appeal.categoryId ?? undefined, appealId: appeal.id });
  const top = assist.data?.categories[0];
  const canReclassify = appeal.actions.includes('reclassify');
  const canMerge = appeal.actions.includes('merge');
  return (
    // data-state tells a reader (and the browser tests) when the assistant has settled, so nothing below it moves.
    <div data-testid="dispatch-assist" data-state={assist.loading ? 'loading' : 'ready'}>
      <Divider style={{ margin: '10px 0' }} orientation="left" orientationMargin={0} plain>{m('title')}</Divider>
      {assist.error ? <ErrorAlert error={assist.error} /> : (
        <Flex vertical gap={8}>
          <CategorySuggestions suggestion={assist.data} loading={assist.loading} value={appeal.categoryId ?? undefined}
            onPick={(categoryId) => { if (canReclassify && !ref.categoryWithin(appeal.categoryId, categoryId)) propose('reclassify', { categoryId }); }} />
          {top && appeal.categoryId && !ref.categoryWithin(appeal.categoryId, top.categoryId) && canReclassify
            ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{m('differs')}</Typography.Text> : null}
          {assist.data ? <RoutingHint routing={assist.data.routing} unitName={ref.unitName} /> : null}
          <DuplicateCandidates items={assist.data?.duplicates ?? []}
            action={canMerge ? (d) => <Button key="merge" size="small" onClick={() => propose('merge', { masterId: d.id })}>{m('merge')}</Button> : undefined} />
        </Flex>
      )}
    </div>
  );
}
