import { Suspense, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Flex, Result, Spin } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { I18nProvider, useI18n } from '../i18n';
import { AuthProvider, useAuth } from '../auth/AuthContext';
import { ReferenceProvider } from '../api/reference';
import { AppLayout } from './AppLayout';
import { AREAS, homeFor } from './areas';
import { RoleGuard } from './RoleGuard';

const LoginPage = lazy(() => import('../auth/LoginPage'));

function Loading() {
  return <Flex justify="center" style={{ padding: 64 }}><Spin size="large" /></Flex>;
}

/** Signed-in staff only: others go to the login page and come back to where they wanted to go. */
function SignedIn() {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <ReferenceProvider><AppLayout /></ReferenceProvider>;
}

function Home() {
  const { roles } = useAuth();
  return <Navigate to={homeFor(roles)} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('error.notFoundPage')} />;
}

function Login() {
  const { user } = useAuth();
  if (user) return <Home />;
  return <Suspense fallback={<Loading />}><LoginPage /></Suspense>;
}

function Routed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b91c1c', borderRadius: 4 } }}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<Login />} />
          <Route element={<SignedIn />}>
            <Route index element={<Home />} />
            {AREAS.map((a) => <Route key={a.path} path={a.path} element={<RoleGuard roles={a.roles}><a.screen /></RoleGuard>} />)}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
