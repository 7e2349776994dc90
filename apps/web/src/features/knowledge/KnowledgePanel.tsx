import { useState } from 'react';
import { Button, Card, Empty, Input, List, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedFetch } from '../../components/useDebouncedFetch';
import { defineMessages, useMessages } from '../../i18n';
import { searchKnowledge } from './knowledge-api';
import type { KnowledgeArticle } from './knowledge-api';

const M = defineMessages({
  zh: {
    title: '知识库', placeholder: '搜索政策、办事指南（默认按诉求标题）', none: '没有找到相关知识', use: '用此答复', more: '展开', less: '收起',
  },
  en: {
    title: 'Knowledge base', placeholder: 'Search policies and guides (the title by default)', none: 'Nothing found', use: 'Answer with it', more: 'More', less: 'Less',
  },
});

/**
 * 知识库 beside the intake form: searched as the agent types its own words, or by the appeal's title while they have
 * not; "用此答复" puts the article into the direct answer, so a consultation is answered on the spot and closed.
 */
export function KnowledgePanel({ draftTitle, onUse }: { draftTitle: string; onUse: (article: KnowledgeArticle) => void }) {
  const m = useMessages(M);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const q = (query.trim() || draftTitle.trim()).slice(0, 100);
  const found = useDebouncedFetch(q || null, (signal) => searchKnowledge(q, { limit: 5 }, signal).then((page) => page.items), 300);
  const state = { items: found.data, error: found.error };
  return (
    <Card size="small" title={m('title')} style={{ marginBottom: 12 }} data-testid="knowledge-panel">
      <Input.Search allowClear value={query} onChange={(e) => setQuery(e.target.value)} placeholder={m('placeholder')} maxLength={100} tabIndex={-1} />
      {state.error ? <ErrorAlert error={state.error} /> : state.items === null ? null : !state.items.length
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('none')} />
        : (
          <List size="small" dataSource={state.items} renderItem={(a) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }}>
              <Typography.Text strong className="ms-wrap">{a.title}</Typography.Text>
              <Typography.Paragraph type="secondary" className="ms-wrap" style={{ marginBottom: 4, fontSize: 12 }}>{open === a.id ? a.body : a.snippet}</Typography.Paragraph>
              <Button size="small" type="link" tabIndex={-1} style={{ paddingInline: 0 }} onClick={() => setOpen(open === a.id ? null : a.id)}>{open === a.id ? m('less') : m('more')}</Button>
              <Button size="small" tabIndex={-1} style={{ marginInlineStart: 8 }} onClick={() => onUse(a)}>{m('use')}</Button>
            </List.Item>
          )} />
        )}
    </Card>
  );
}
