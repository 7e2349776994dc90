import { useEffect, useState } from 'react';
import { Button, Card, Collapse, Empty, Flex, Input, Tag, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { Article } from './portal-api';

const M = defineMessages({
  zh: { title: '办事指南', search: '输入问题，如：社保卡补办', none: '没有找到相关指南，可以拨打 12345 或写信咨询', more: '加载更多' },
  en: { title: 'Guides', search: 'Ask, e.g. replacing a social security card', none: 'No guide found; call 12345 or write to us', more: 'Load more' },
});

/** 办事指南: the knowledge base's public articles, searched in Chinese. */
export default function KnowledgePage() {
  const m = useMessages(M);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Article[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function load(query: string, cursor?: string) {
    setError(null);
    try {
      const page = await portalApi.knowledge(query.trim(), cursor);
      setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) { setError(e); }
  }
  useEffect(() => { void load(''); }, []);
  return (
    <Card title={m('title')}>
      <Flex vertical gap={12}>
        <Input.Search placeholder={m('search')} allowClear enterButton value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => void load(v)} maxLength={50} />
        {error ? <ErrorAlert error={error} /> : null}
        {items && !items.length ? <Empty description={m('none')} /> : null}
        {items?.length ? (
          <Collapse data-testid="portal-knowledge" items={items.map((a) => ({
            key: a.id,
            label: <Flex gap={6} wrap><span className="portal-text">{a.title}</span>{a.categoryName ? <Tag>{a.categoryName}</Tag> : null}</Flex>,
            children: <Typography.Paragraph className="portal-text" style={{ marginBottom: 0 }}>{a.body}</Typography.Paragraph>,
          }))} />
        ) : null}
        {next ? <Button onClick={() => void load(q, next)} block>{m('more')}</Button> : null}
      </Flex>
    </Card>
  );
}
