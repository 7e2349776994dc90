import { useCallback } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { ERRORS } from '@minsheng/contracts';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

/** Edit / deactivate / reactivate for the admin tables of units, users and categories (PATCH /api/admin/*). */

const M = defineMessages({
  zh: {
    edit: '编辑', deactivate: '停用', activate: '启用', deactivated: '已停用',
    confirmDeactivate: '确定停用「{name}」？', confirmActivate: '确定启用「{name}」？',
    openAppeals: '未办结诉求 {n} 件', activeUsers: '在岗用户 {n} 人', activeSubUnits: '启用的下级单位 {n} 个',
  },
  en: {
    edit: 'Edit', deactivate: 'Deactivate', activate: 'Reactivate', deactivated: 'Deactivated',
    confirmDeactivate: 'Deactivate “{name}”?', confirmActivate: 'Reactivate “{name}”?',
    openAppeals: '{n} open appeals', activeUsers: '{n} active users', activeSubUnits: '{n} active sub-units',
  },
});

const INACTIVE_ROW: CSSProperties = { color: 'rgba(0, 0, 0, 0.38)' };

/** Table `onRow`: inactive rows are greyed. */
export function inactiveRowProps(row: { active: boolean }) {
  return row.active ? {} : { style: INACTIVE_ROW };
}

/** A name cell with the "已停用" tag on inactive rows. */
export function NameCell({ active, children }: { active: boolean; children: ReactNode }) {
  const m = useMessages(M);
  return <>{children}{active ? null : <Tag style={{ marginLeft: 6 }}>{m('deactivated')}</Tag>}</>;
}

/** "编辑" and "停用/启用" (with a confirmation) for one row. `note` adds a line to the deactivation question. */
export function RowActions({ name, active, onEdit, onToggle, note, lockedReason }: {
  name: string; active: boolean; onEdit: () => void; onToggle: (active: boolean) => Promise<void>; note?: string;
  /** When set, deactivation is not offered (e.g. one's own account) and this explains why. */
  lockedReason?: string;
}) {
  const m = useMessages(M);
  const { t } = useI18n();
  const title = active ? m('confirmDeactivate', { name }) : m('confirmActivate', { name });
  return (
    <Space size={0}>
      <Button size="small" type="link" onClick={onEdit}>{m('edit')}</Button>
      <Popconfirm title={title} description={active ? note : undefined} onConfirm={() => onToggle(!active)} okText={t('common.confirm')} cancelText={t('common.cancel')}
        disabled={active && !!lockedReason}>
        <Button size="small" type="link" danger={active} disabled={active && !!lockedReason} title={active ? lockedReason : undefined}>{active ? m('deactivate') : m('activate')}</Button>
      </Popconfirm>
    </Space>
  );
}

/** Shows an API error; for IN_USE it lists what still keeps the unit busy. */
export function useAdminError() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  const m = useMessages(M);
  return useCallback((err: unknown) => {
    if ((err as Error)?.name === 'AbortError') return;
    let text = errorMessage(err, lang);
    const d = err instanceof ApiError && err.code === 'IN_USE' ? err.details : undefined;
    if (d) {
      const parts = (['openAppeals', 'activeUsers', 'activeSubUnits'] as const).filter((k) => Number(d[k]) > 0).map((k) => m(k, { n: Number(d[k]) }));
      if (parts.length) text = `${ERRORS.IN_USE[lang]}${lang === 'en' ? ': ' : '：'}${parts.join(lang === 'en' ? ', ' : '、')} [IN_USE]`;
    }
    void message.error({ content: text, duration: 8 });
  }, [message, lang, m]);
}

/** 停用/启用 one row of /api/admin/<resource>, then reload the table; errors as useAdminError shows them. */
export function useActiveToggle(resource: 'units' | 'users' | 'categories', reload: () => void) {
  const notify = useNotify();
  const { t } = useI18n();
  const showError = useAdminError();
  return useCallback(async (id: string, active: boolean) => {
    try {
      await api.patch(`/api/admin/${resource}/${id}`, { active });
      notify.success(t('common.done'));
      reload();
    } catch (e) { showError(e); }
  }, [resource, reload, notify, t, showError]);
}
