import { Button, Flex, Tooltip, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useReference } from '../../api/reference';
import { defineMessages, useMessages } from '../../i18n';
import type { Suggestion } from './text-api';

const M = defineMessages({
  zh: { label: '建议分类', pick: '点击采用（{path}）', thinking: '分析中…' },
  en: { label: 'Suggested', pick: 'Click to use ({path})', thinking: 'Thinking…' },
});

/**
 * 分类建议: the classifier's three likeliest categories as chips under the category field, each with its calibrated
 * confidence; one click (or Enter on the focused button, or Alt+1…3 at intake) puts it in the field. Without a trained model it says why.
 */
export function CategorySuggestions({ suggestion, loading, value, onPick, shortcuts = false }: {
  suggestion: Suggestion | null; loading: boolean; value: string | undefined; onPick: (categoryId: string) => void;
  /** Intake: the chips stay out of the tab order and are picked with Alt+1…3 (the form's keys), shown on each chip. */
  shortcuts?: boolean;
}) {
  const m = useMessages(M);
  const ref = useReference();
  if (!suggestion) return loading ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('thinking')}</Typography.Text> : null;
  if (suggestion.classifier.status !== 'ready') {
    return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{suggestion.classifier.reason}</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap align="center" data-testid="category-suggestions">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}><BulbOutlined /> {m('label')}</Typography.Text>
      {suggestion.categories.map((c, i) => (
        <Tooltip key={c.categoryId} title={m('pick', { path: c.path.join(' / ') })}>
          <Button size="small" type={ref.categoryWithin(value, c.categoryId) ? 'primary' : 'default'} onClick={() => onPick(c.categoryId)} tabIndex={shortcuts ? -1 : undefined}>
            {c.name} {Math.round(c.confidence * 100)}%{shortcuts ? <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>Alt+{i + 1}</Typography.Text> : null}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
