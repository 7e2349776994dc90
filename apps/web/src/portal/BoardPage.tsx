import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, DatePicker, Empty, Flex, Input, Space, Tag, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../components/time';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { BoardItem } from './portal-api';
import { usePortalConfig } from './PortalApp';
import { categoryTree } from './category-tree';

const M = defineMessages({
  zh: {
    title: '留言选登', search: '搜索标题或内容', category: '全部分类', month: '月份', none: '暂无公开的留言', more: '加载更多', asked: '来信',
    reply: '答复', replyBy: '{unit}答复', back: '返回留言列表', note: '经本人同意公开；姓名、电话、证件号码、车牌、银行卡、邮箱和详细地址已隐去。',
  },
  en: {
    title: 'Message board', search: 'Search titles and texts', category: 'All categories', month: 'Month', none: 'Nothing published yet', more: 'Load more', asked: 'Letter',
    reply: 'Answer', replyBy: 'Answer from {unit}', back: 'Back to the board', note: 'Published with consent; names, phones, ID numbers, plates, bank cards, e-mail and detailed addresses removed.',
  },
});

/** One published letter and its answer. Every text is shown as text (never as markup). */
function Post({ item, full = false }: { item: BoardItem; full?: boolean }) {
  const m = useMessages(M);
  const title = full ? <span className="portal-text">{item.title}</span> : <Link to={`/board/${encodeURIComponent(item.number)}`} className="portal-text">{item.title}</Link>;
  return (
    <Card size="small" title={title} data-testid="board-post">
      <Flex gap={4} wrap style={{ marginBottom: 8 }}>
        {item.categoryName ? <Tag>{item.categoryName}</Tag> : null}
        {item.areaName ? <Tag>{item.areaName}</Tag> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('asked')} {formatTime(item.askedAt)}</Typography.Text>
      </Flex>
      <Typography.Paragraph className="portal-text" ellipsis={full ? false : { rows: 3, expandable: true }}>{item.content}</Typography.Paragraph>
      <div style={{ background: '#fafafa', borderLeft: '3px solid #b91c1c', padding: '8px 10px' }}>
        <Typography.Text strong>{item.unitName ? m('replyBy', { unit: item.unitName }) : m('reply')}</Typography.Text>
        <Typography.Paragraph className="portal-text" style={{ margin: '4px 0' }} ellipsis={full ? false : { rows: 4, expandable: true }}>{item.reply}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(item.repliedAt)}</Typography.Text>
      </div>
    </Card>
  );
}

function PostPage({ number }: { number: string }) {
  const m = useMessages(M);
  const [item, setItem] = useState<BoardItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { portalApi.boardItem(number).then(setItem, setError); }, [number]);
  return (
    <Flex vertical gap={12}>
      <Link to="/board">← {m('back')}</Link>
      {error ? <ErrorAlert error={error} /> : item ? <Post item={item} full /> : null}
    </Flex>
  );
}

/** 留言选登: approved letters with their answers; search, category and month filters, a page at a time. */
export default function BoardPage() {
  const m = useMessages(M);
  const { number } = useParams();
  const config = usePortalConfig();
  const tree = useMemo(() => categoryTree(config.categories), [config.categories]);
  const [q, setQ] = useState('');
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [month, setMonth] = useState('');
  const [items, setItems] = useState<BoardItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function load(cursor?: string) {
    setBusy(true);
    setError(null);
    try {
      const page = await portalApi.board({ q: q.trim() || undefined, categoryId, month: month || undefined, cursor, limit: '10' });
      setItems((old) => (cursor && old ? [...old, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (e) { setError(e); } finally { setBusy(false); }
  }
  useEffect(() => { if (!number) void load(); }, [categoryId, month, number]);

  if (number) return <PostPage number={number} />;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={m('title')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search placeholder={m('search')} allowClear value={q} onChange={(e) => setQ(e.target.value)} onSearch={() => void load()} maxLength={50} />
          <Flex gap={8} wrap>
            <TreeSelect style={{ flex: 1, minWidth: 160 }} allowClear showSearch treeNodeFilterProp="title" placeholder={m('category')} treeData={tree} value={categoryId} onChange={setCategoryId} />
            <DatePicker picker="month" placeholder={m('month')} aria-label={m('month')} style={{ width: 150 }} inputReadOnly
              value={month ? dayjs(`${month}-01`) : null} onChange={(d) => setMonth(d ? d.format('YYYY-MM') : '')} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('note')}</Typography.Text>
        </Space>
      </Card>
      {error ? <ErrorAlert error={error} onRetry={() => void load()} /> : null}
      {items && !items.length ? <Empty description={m('none')} /> : null}
      {items?.map((item) => <Post key={item.number} item={item} />)}
      {next ? <Button onClick={() => void load(next)} loading={busy} block>{m('more')}</Button> : null}
    </Flex>
  );
}
