import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { MemoryRouter } from 'react-router-dom';
import { I18nProvider } from '../i18n';
import { AuthProvider } from '../auth/AuthContext';
import { ReferenceProvider } from '../api/reference';

/** Render with the console's providers (zh-CN); stub `fetch` before for whatever the component loads. */
export function renderWithProviders(ui: ReactNode) {
  return render(
    <I18nProvider lang="zh">
      <AuthProvider>
        <ConfigProvider locale={zhCN}>
          <AntApp>
            <MemoryRouter><ReferenceProvider>{ui}</ReferenceProvider></MemoryRouter>
          </AntApp>
        </ConfigProvider>
      </AuthProvider>
    </I18nProvider>,
  );
}
