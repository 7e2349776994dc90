import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { useAdminError } from './admin-rows';

const M = defineMessages({
  zh: {
    intro: '外部应用（如随手拍 App、地图平台）通过 Open311 GeoReport v2 接口（/open311/v2）提交和查询诉求。提交诉求需要 API 密钥；每个应用单独签发一个，便于停用。',
    endpoint: '接口地址', name: '应用名称', prefix: '密钥前缀', createdAt: '签发时间', lastUsedAt: '最近使用', never: '从未使用',
    create: '签发密钥', createTitle: '签发 Open311 API 密钥', nameHint: '例如：随手拍 App', required: '请填写应用名称',
    shownOnce: '请立即复制并妥善交给对方：密钥只显示这一次，系统只保存其摘要，无法再次查看。遗失后请停用并重新签发。',
    copy: '复制密钥', copied: '已复制', copyFailed: '复制失败，请手动选中复制', done: '我已保存',
    deactivate: '停用', deactivateConfirm: '停用后该应用立即无法提交诉求，已提交的诉求不受影响。停用不可撤销。', deactivated: '已停用', empty: '尚未签发任何密钥',
  },
  en: {
    intro: 'Outside apps (reporting apps, map platforms) submit and read appeals through the Open311 GeoReport v2 API (/open311/v2). Submitting needs an API key; issue one per app so each can be revoked on its own.',
    endpoint: 'Endpoint', name: 'App name', prefix: 'Key prefix', createdAt: 'Issued', lastUsedAt: 'Last used', never: 'Never',
    create: 'Issue key', createTitle: 'Issue an Open311 API key', nameHint: 'e.g. Street Reporter app', required: 'Please enter the app name',
    shownOnce: 'Copy it now and hand it over safely: the key is shown this once; only a digest is stored and it cannot be shown again. If lost, deactivate it and issue a new one.',
    copy: 'Copy key', copied: 'Copied', copyFailed: 'Copy failed; select the key and copy it by hand', done: 'I have saved it',
    deactivate: 'Deactivate', deactivateConfirm: 'The app can no longer submit from now on; what it submitted stays. This cannot be undone.', deactivated: 'Deactivated', empty: 'No keys issued yet',
  },
});

interface Open311Key { id: string; name: string; keyPrefix: string; active: boolean; createdAt: string; lastUsedAt: string | null }

/** Open311 API keys (GET/POST /api/admin/open311-keys, DELETE …/:id): issue one per outside app, shown once. */
export default function Open311Admin() {
  const { t } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const showError = useAdminError();
  const keys = useApi((signal) => api.get<{ items: Open311Key[] }>('/api/admin/open311-keys', undefined, signal), []);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  async function create() {
    let v: { name: string };
    try { v = await form.validateFields(); } catch { return; }
    setBusy(true);
    try {
      const res = await api.post<Open311Key & { apiKey: string }>('/api/admin/open311-keys', { name: v.name.trim() });
      setCreating(false);
      setIssued(res.apiKey);
      keys.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  async function deactivate(k: Open311Key) {
    try {
      await api.del(`/api/admin/open311-keys/${k.id}`);
      notify.success(m('deactivated'));
      keys.reload();
    } catch (err) {
      showError(err);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued ?? '');
      notify.success(m('copied'));
    } catch {
      notify.warning(m('copyFailed'));
    }
  }

  const columns: TableColumnsType<Open311Key> = [
    { title: m('name'), dataIndex: 'name' },
    { title: m('prefix'), dataIndex: 'keyPrefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    { title: t('common.status'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    { title: m('createdAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
    { title: m('lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (x: string | null) => (x ? formatTime(x) : m('never')) },
    {
      title: t('common.actions'), key: 'actions', width: 100,
      render: (_: unknown, k: Open311Key) => (k.active ? (
        <Popconfirm title={m('deactivateConfirm')} onConfirm={() => deactivate(k)}>
          <Button size="small" danger>{m('deactivate')}</Button>
        </Popconfirm>
      ) : null),
    },
  ];

  return (
    <Card>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {m('intro')} {m('endpoint')}：<Typography.Text code copyable>{`${window.location.origin}/open311/v2/discovery.json`}</Typography.Text>
        </Typography.Paragraph>
        <Flex justify="end">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setCreating(true); }}>{m('create')}</Button>
        </Flex>
        {keys.error ? <ErrorAlert error={keys.error} onRetry={keys.reload} /> : (
          <Table rowKey="id" size="small" loading={keys.loading} columns={columns} dataSource={keys.data?.items ?? []} pagination={false} locale={{ emptyText: m('empty') }} />
        )}
      </Flex>
      <Modal open={creating} title={m('createTitle')} onOk={create} confirmLoading={busy} onCancel={() => setCreating(false)} okText={m('create')} cancelText={t('common.cancel')} destroyOnClose>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={m('name')} rules={[{ required: true, whitespace: true, message: m('required') }, { max: 100 }]}>
            <Input placeholder={m('nameHint')} maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={issued !== null} title={m('createTitle')} closable={false} maskClosable={false}
        footer={[<Button key="copy" onClick={copy}>{m('copy')}</Button>, <Button key="done" type="primary" onClick={() => setIssued(null)}>{m('done')}</Button>]}>
        <Flex vertical gap={12}>
          <Alert type="warning" showIcon message={m('shownOnce')} />
          <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 13 }} data-testid="open311-issued-key">{issued}</Typography.Text>
        </Flex>
      </Modal>
    </Card>
  );
}
