import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '@minsheng/contracts';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import type { Meta } from '../api/types';
import { useI18n } from '../i18n';
import { useAuth } from './AuthContext';
import { homeFor } from '../app/areas';

/** 登录: username and password; on a demo server the demo accounts are listed (GET /api/meta) and fill the form on click. */
export default function LoginPage() {
  const { t, lang, setLang, label } = useI18n();
  const { login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [meta, setMeta] = useState<Meta | null>(null);

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
    api.get<Meta>('/api/meta').then(setMeta, (e: unknown) => setError(e));
  }, [t]);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      const next = (location.state as { from?: string } | null)?.from;
      navigate(next && next !== '/login' ? next : homeFor(user.roles.map((r) => r.role)), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex justify="center" align="flex-start" gap={24} wrap style={{ minHeight: '100vh', padding: '48px 16px', background: 'linear-gradient(180deg,#7f1d1d 0,#b91c1c 220px,#f5f5f5 220px)' }}>
      <Card style={{ width: 380 }}>
        <Flex justify="space-between" align="baseline">
          <Typography.Title level={3} style={{ margin: 0, color: '#b91c1c' }}>{t('app.name')} · {t('app.subtitle')}</Typography.Title>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('app.slogan')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('auth.title')}</Typography.Title>
        {expired ? <Alert type="warning" showIcon message={t('auth.sessionExpired')} style={{ marginBottom: 12 }} /> : null}
        {error ? <Alert type="error" showIcon message={errorMessage(error, lang)} style={{ marginBottom: 12 }} role="alert" /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('auth.login')}</Button>
        </Form>
        <Flex justify="space-between" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{meta ? `${t('auth.jurisdiction')}：${meta.name}` : ''}</Typography.Text>
          <Flex gap={12}>
            <a href="/api/docs" target="_blank" rel="noreferrer">{t('auth.apiDocs')}</a>
            <a onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('lang.switch')}</a>
          </Flex>
        </Flex>
      </Card>
      {meta?.demo && meta.demoUsers?.length ? (
        <Card title={t('auth.demoTitle')} style={{ width: 560, maxWidth: '100%' }} styles={{ body: { padding: 12 } }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('auth.demoHint', { password: meta.demoPassword ?? '' })}
          </Typography.Paragraph>
          <Table size="small" pagination={false} rowKey="username" dataSource={meta.demoUsers} scroll={{ y: 420 }}
            columns={[
              { title: t('auth.username'), dataIndex: 'username', width: 170, render: (u: string) => (
                <a onClick={() => form.setFieldsValue({ username: u, password: meta.demoPassword ?? '' })}><code>{u}</code></a>) },
              { title: t('common.role'), dataIndex: 'roles', width: 104, render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{label('role', r)}</Tag>) },
              { title: t('common.unit'), dataIndex: 'unit', ellipsis: true },
            ]} />
        </Card>
      ) : null}
    </Flex>
  );
}
