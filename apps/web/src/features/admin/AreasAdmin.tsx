import { useCallback, useEffect, useState } from 'react';
import type { Key } from 'react';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { useAdminError } from './admin-rows';
import { useAuth } from '../../auth/AuthContext';

interface Area { code: string; name: string; shortName: string; level: string; parentCode: string | null }

const M = defineMessages({
  zh: {
    search: '按名称查找区域', code: '代码', name: '名称', shortName: '简称', level: '层级', pick: '在左侧选择一个区域', rename: '更名', addChild: '新增社区/村',
    codeHint: '街道代码 {street} 后加 3 位', required: '请填写{field}', added: '已新增 {name}', renamed: '已更名', codeBad: '代码应为 {street} 加 3 位数字',
    hint: '区域来自国家统计用区划代码；代码不能修改（诉求按代码记录）。撤并或新设社区时在此新增、更名。',
    province: '省', city: '市', county: '区县', street: '街道/乡镇', community: '社区/村',
  },
  en: {
    search: 'Find an area by name', code: 'Code', name: 'Name', shortName: 'Short name', level: 'Level', pick: 'Pick an area on the left', rename: 'Rename', addChild: 'Add a community',
    codeHint: 'The street code {street} plus 3 digits', required: 'Please fill in {field}', added: '{name} added', renamed: 'Renamed', codeBad: 'The code is {street} plus 3 digits',
    hint: 'Areas come from the national statistical division codes; codes never change (appeals refer to them). Add or rename communities here when they are created or merged.',
    province: 'Province', city: 'City', county: 'County', street: 'Street / town', community: 'Community / village',
  },
});

type Editing = { mode: 'rename'; area: Area } | { mode: 'add'; parent: Area };

const node = (a: Area): TreeDataNode => ({ key: a.code, title: a.shortName || a.name, isLeaf: a.level === 'community' });

/** 区域: the jurisdiction's area tree, loaded a level at a time, searchable; administrators add communities and rename. */
export default function AreasAdmin() {
  const m = useMessages(M);
  const { lang } = useI18n();
  const notify = useNotify();
  const showError = useAdminError();
  const [byCode, setByCode] = useState<Map<string, Area>>(new Map());
  const [tree, setTree] = useState<TreeDataNode[]>([]);
  const [hits, setHits] = useState<Area[] | null>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [selected, setSelected] = useState<Area | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code?: string; name: string; shortName?: string }>();

  const remember = useCallback((rows: Area[]) => setByCode((old) => new Map([...old, ...rows.map((a) => [a.code, a] as const)])), []);
  const children = useCallback(async (parent: string) => {
    const rows = (await api.get<{ items: Area[] }>('/api/areas', { parent })).items;
    remember(rows);
    return rows;
  }, [remember]);

  // The jurisdiction's own area (the county, whose code is the jurisdiction's id) is the root; its streets load with it.
  const root = useAuth().user?.jurisdictionId ?? '';
  useEffect(() => {
    if (!root) return;
    (async () => {
      const streets = await children(root);
      // Its name is the jurisdiction's (the login page's meta); the county itself is renamed by the platform's operator.
      const meta = await api.get<{ name: string }>('/api/meta');
      const top = { key: root, title: meta.name };
      setTree([{ ...top, isLeaf: false, children: streets.map(node) }]);
      setExpanded([top.key]);
    })().catch(showError);
  }, [root, children, remember, showError]);

  async function loadData(n: TreeDataNode) {
    if (n.children) return;
    const rows = await children(String(n.key));
    const attach = (list: TreeDataNode[]): TreeDataNode[] => list.map((x) => (x.key === n.key ? { ...x, children: rows.map(node) } : x.children ? { ...x, children: attach(x.children) } : x));
    setTree((t) => attach(t));
  }

  async function search(q: string) {
    if (!q.trim()) { setHits(null); return; }
    try {
      const rows = (await api.get<{ items: Area[] }>('/api/areas', { q: q.trim() })).items;
      remember(rows);
      setHits(rows);
    } catch (e) { showError(e); }
  }

  async function save() {
    if (!editing) return;
    let v: { code?: string; name: string; shortName?: string };
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      if (editing.mode === 'add') {
        const a = await api.post<Area>('/api/admin/areas', { parentCode: editing.parent.code, code: v.code, name: v.name, ...(v.shortName ? { shortName: v.shortName } : {}) });
        remember([a]);
        setTree((t) => t.map(function add(x): TreeDataNode { return x.key === editing.parent.code && x.children ? { ...x, children: [...x.children, node(a)] } : x.children ? { ...x, children: x.children.map(add) } : x; }));
        notify.success(m('added', { name: a.name }));
        setSelected(a);
      } else {
        const a = await api.patch<Area>(`/api/admin/areas/${editing.area.code}`, { name: v.name, ...(v.shortName ? { shortName: v.shortName } : {}) });
        remember([a]);
        setTree((t) => t.map(function rename(x): TreeDataNode { return x.key === a.code ? { ...x, title: a.shortName || a.name } : x.children ? { ...x, children: x.children.map(rename) } : x; }));
        notify.success(m('renamed'));
        setSelected(a);
      }
      setEditing(null);
    } catch (e) { showError(e); } finally { setBusy(false); }
  }

  const level = (l: string) => (['province', 'city', 'county', 'street', 'community'].includes(l) ? m(l as 'street') : l);
  const streetCode = editing?.mode === 'add' ? editing.parent.code : '';
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Input.Search allowClear placeholder={m('search')} onSearch={(q) => void search(q)} style={{ marginBottom: 8 }} maxLength={20} />
          {hits ? (
            hits.length ? hits.map((a) => (
              <div key={a.code}><Typography.Link onClick={() => setSelected(a)}>{a.name}</Typography.Link> <Typography.Text type="secondary" className="ms-mono">{a.code}</Typography.Text></div>
            )) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <div data-testid="areas-tree">
              <Tree treeData={tree} loadData={loadData} height={520} expandedKeys={expanded} onExpand={(keys) => setExpanded(keys)}
                onSelect={(keys) => setSelected(byCode.get(String(keys[0])) ?? null)} />
            </div>
          )}
        </Col>
        <Col xs={24} md={14}>
          {selected ? (
            <Card size="small" title={selected.name} data-testid="area-detail" extra={<>
              {selected.level === 'street' ? <Button size="small" icon={<PlusOutlined />} style={{ marginRight: 8 }} onClick={() => { form.resetFields(); setEditing({ mode: 'add', parent: selected }); }}>{m('addChild')}</Button> : null}
              {['county', 'street', 'community'].includes(selected.level) ? <Button size="small" icon={<EditOutlined />} onClick={() => { form.setFieldsValue({ name: selected.name, shortName: selected.shortName }); setEditing({ mode: 'rename', area: selected }); }}>{m('rename')}</Button> : null}
            </>}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={m('code')}><span className="ms-mono">{selected.code}</span></Descriptions.Item>
                <Descriptions.Item label={m('shortName')}>{selected.shortName}</Descriptions.Item>
                <Descriptions.Item label={m('level')}><Tag>{level(selected.level)}</Tag></Descriptions.Item>
              </Descriptions>
            </Card>
          ) : <Empty description={m('pick')} />}
        </Col>
      </Row>
      <Modal open={editing !== null} title={editing?.mode === 'add' ? `${m('addChild')} · ${editing.parent.name}` : m('rename')} onOk={() => void save()} confirmLoading={busy}
        onCancel={() => setEditing(null)} destroyOnHidden okText={lang === 'en' ? 'Save' : '保存'}>
        <Form form={form} layout="vertical" preserve={false}>
          {editing?.mode === 'add' ? (
            <Form.Item name="code" label={m('code')} extra={m('codeHint', { street: streetCode })}
              rules={[{ required: true, message: m('required', { field: m('code') }) }, { pattern: new RegExp(`^${streetCode}[0-9]{3}$`), message: m('codeBad', { street: streetCode }) }]}>
              <Input className="ms-mono" maxLength={12} inputMode="numeric" />
            </Form.Item>
          ) : null}
          <Form.Item name="name" label={m('name')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={50} /></Form.Item>
          <Form.Item name="shortName" label={m('shortName')}><Input maxLength={50} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
