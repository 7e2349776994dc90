import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Dropdown, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/AuthContext';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useReference } from '../api/reference';
import { useI18n } from '../i18n';
import { AREAS, allowed } from './areas';
import { PageBoundary } from '../components/PageBoundary';
import { ErrorAlert } from '../components/ErrorAlert';

const { Sider, Header, Content } = Layout;

/** The console frame: role-based side navigation, the user menu with language switch, and the current screen. */
export function AppLayout() {
  const { user, roles, logout } = useAuth();
  const { t, lang, setLang, label } = useI18n();
  const ref = useReference();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const items = useMemo(() => AREAS.filter((a) => a.icon && allowed(a, roles)).map((a) => {
    const href = a.href ?? `/${a.path}`;
    return { key: href, icon: a.icon, label: <Link to={href}>{t(a.title)}</Link> };
  }), [roles, t]);
  const selected = items.map((i) => i.key).filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length).slice(0, 1);

  const roleTags = [...new Map((user?.roles ?? []).map((r) => [`${r.role}@${r.unitId}`, r])).values()];
  return (
    // The outer layout wears the menu's colour, so below the sticky (window-high) menu the left column stays dark.
    <Layout style={{ minHeight: '100vh', background: '#001529' }}>
      {/* Sticky and as tall as the window: on a long page (detail, search) the menu stays in reach instead of scrolling away. */}
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={188} theme="dark" breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto', overflowX: 'hidden' }}>
        <Link to="/" style={{ display: 'block', padding: collapsed ? '16px 8px' : '16px 20px', color: '#fff', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <span style={{ fontSize: 20, fontWeight: 700, color: '#fca5a5' }}>{t('app.name')}</span>
          {collapsed ? null : <span style={{ fontSize: 12, marginLeft: 8, opacity: 0.75 }}>{t('app.subtitle')}</span>}
        </Link>
        <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 20px', height: 52, lineHeight: '52px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="flex-end" align="center" gap={12} style={{ height: '100%' }}>
            <Flex gap={4} wrap={false} style={{ overflow: 'hidden' }}>
              {roleTags.slice(0, 3).map((r) => (
                <Tag key={`${r.role}@${r.unitId}`} color="red" style={{ marginInlineEnd: 0 }}>{label('role', r.role)} · {ref.unitName(r.unitId)}</Tag>
              ))}
            </Flex>
            <Button size="small" icon={<GlobalOutlined />} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('lang.switch')}</Button>
            <Dropdown menu={{ items: [
              { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword'), onClick: () => setChangingPassword(true) },
              { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), onClick: () => { void logout().catch(() => undefined).finally(() => navigate('/login')); } },
            ] }}>
              <Flex align="center" gap={6} style={{ cursor: 'pointer' }}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b91c1c' }} />
                <Typography.Text>{user?.displayName}</Typography.Text>
              </Flex>
            </Dropdown>
          </Flex>
        </Header>
        <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
        <Content style={{ padding: 20, minWidth: 0 }}>
          {ref.error ? <div style={{ marginBottom: 12 }}><ErrorAlert error={ref.error} onRetry={ref.reload} /></div> : null}
          <PageBoundary key={location.pathname} title={t('error.renderFailed')} retry={t('common.retry')}>
            <Suspense fallback={<Flex justify="center" style={{ padding: 48 }}><Spin tip={t('common.loading')}><div style={{ width: 120, height: 60 }} /></Spin></Flex>}>
              <Outlet />
            </Suspense>
          </PageBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
