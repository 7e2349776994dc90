import { Suspense, createContext, lazy, useContext, useEffect, useState } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { I18nProvider, defineMessages, useI18n, useMessages } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { portalApi } from './portal-api';
import type { PortalConfig } from './portal-api';
import './portal.css';

const HomePage = lazy(() => import('./HomePage'));
const WritePage = lazy(() => import('./WritePage'));
const TrackPage = lazy(() => import('./TrackPage'));
const BoardPage = lazy(() => import('./BoardPage'));
const StatsPage = lazy(() => import('./StatsPage'));
const DirectoryPage = lazy(() => import('./DirectoryPage'));
const KnowledgePage = lazy(() => import('./KnowledgePage'));
const HearingsPage = lazy(() => import('./HearingsPage'));
const ProxyPage = lazy(() => import('./ProxyPage'));

export const PM = defineMessages({
  zh: {
    site: '{name}群众诉求服务平台', home: '首页', write: '我要写信', track: '办理查询', board: '留言选登', stats: '每月通报', directory: '单位名录',
    knowledge: '办事指南', hearings: '听证公示', proxy: '民生代办', lang: 'English', notFound: '页面不存在', back: '返回首页', hotline: '热线电话 12345 · 全天候受理',
    footer: '您的个人信息依法保密；公开内容均已隐去姓名、电话、证件号码、车牌、银行卡、邮箱和详细地址。',
  },
  en: {
    site: '{name} Citizen Service Platform', home: 'Home', write: 'Write to us', track: 'Track', board: 'Message board', stats: 'Monthly figures', directory: 'Directory',
    knowledge: 'Guides', hearings: 'Hearings', proxy: 'Proxy services', lang: '中文', notFound: 'Page not found', back: 'Back home', hotline: 'Hotline 12345 · around the clock',
    footer: 'Your personal data is kept confidential by law; published texts hide names, phones, ID numbers, plates, bank cards, e-mail and detailed addresses.',
  },
});

const ConfigContext = createContext<PortalConfig | null>(null);
/** The portal's reference data (kinds, categories, limits), loaded once. */
export function usePortalConfig(): PortalConfig {
  const c = useContext(ConfigContext);
  if (!c) throw new Error('usePortalConfig outside the portal');
  return c;
}

export const NAV = ['write', 'track', 'board', 'stats', 'knowledge', 'proxy', 'hearings', 'directory'] as const;

function Loading() {
  return <Flex justify="center" style={{ padding: 48 }}><Spin size="large" /></Flex>;
}

function Shell() {
  const { lang, setLang } = useI18n();
  const m = useMessages(PM);
  const [config, setConfig] = useState<PortalConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => { setError(null); portalApi.config().then(setConfig, setError); }, [tick]);
  useEffect(() => { if (config) document.title = m('site', { name: config.jurisdiction.name }); }, [config, m]);

  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-bar">
          <NavLink to="/" className="portal-brand">民声 · {config ? m('site', { name: config.jurisdiction.name }) : ''}</NavLink>
          <Button size="small" ghost onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>{m('lang')}</Button>
        </div>
        <nav className="portal-nav" aria-label={m('home')}>
          {NAV.map((k) => <NavLink key={k} to={`/${k}`}>{m(k)}</NavLink>)}
        </nav>
      </header>
      <main className="portal-main">
        {error ? <ErrorAlert error={error} onRetry={() => setTick((n) => n + 1)} /> : !config ? <Loading /> : (
          <ConfigContext.Provider value={config}>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route index element={<HomePage />} />
                <Route path="write" element={<WritePage />} />
                <Route path="track" element={<TrackPage />} />
                <Route path="board" element={<BoardPage />} />
                <Route path="board/:number" element={<BoardPage />} />
                <Route path="stats" element={<StatsPage />} />
                <Route path="knowledge" element={<KnowledgePage />} />
                <Route path="directory" element={<DirectoryPage />} />
                <Route path="hearings" element={<HearingsPage />} />
                <Route path="proxy" element={<ProxyPage />} />
                <Route path="*" element={<Result status="404" title="404" subTitle={m('notFound')} extra={<NavLink to="/">{m('back')}</NavLink>} />} />
              </Routes>
            </Suspense>
          </ConfigContext.Provider>
        )}
      </main>
      <footer className="portal-footer"><div>{m('hotline')}</div><div>{m('footer')}</div></footer>
    </div>
  );
}

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b91c1c', borderRadius: 6, fontSize: 15 } }}>
      <AntApp><Shell /></AntApp>
    </ConfigProvider>
  );
}

/** 群众诉求服务平台: write, track and rate without an account; the public board, monthly figures, guides and directory. */
export default function PortalApp() {
  return (
    <I18nProvider>
      <BrowserRouter basename="/portal"><Themed /></BrowserRouter>
    </I18nProvider>
  );
}
