import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useI18n } from '../i18n';

/** The heading of a screen (also the browser tab title), with optional buttons on the right. */
export function PageTitle({ title, extra, sub }: { title: string; extra?: ReactNode; sub?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => { document.title = `${title} · ${t('app.name')}`; }, [title, t]);
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
      </div>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}
