import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '@minsheng/contracts';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n';

/** Renders its children only for the given roles; anybody else sees a 403 page (the server checks again anyway). */
export function RoleGuard({ roles, children }: { roles: readonly Role[] | 'all'; children: ReactNode }) {
  const { roles: mine } = useAuth();
  const { t } = useI18n();
  if (roles !== 'all' && !roles.some((r) => mine.includes(r))) return <Result status="403" title="403" subTitle={t('error.noAccess')} />;
  return <>{children}</>;
}
