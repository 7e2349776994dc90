import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Input } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { HumanCheck as Check } from './portal-api';

const M = defineMessages({
  zh: { label: '请计算图中算式的结果', another: '换一题', placeholder: '答案' },
  en: { label: 'Work out the sum in the picture', another: 'Another one', placeholder: 'Answer' },
});

/**
 * 算术验证: the server draws a small sum as SVG (no third-party service). It is shown as an image, never inserted as
 * markup, so nothing in it can run. `onToken` hands the signed token up with the answer; `reset` asks a new one.
 */
export function HumanCheck({ value, onChange, onToken, resetKey }: { value?: string; onChange?: (v: string) => void; onToken: (token: string) => void; resetKey: number }) {
  const m = useMessages(M);
  const [check, setCheck] = useState<Check | null>(null);
  // A new question clears an old answer (it belongs to the old one); a field never typed in stays untouched, so the
  // form shows no "required" error before the citizen got there.
  const typed = useRef(value);
  typed.current = value;
  const load = useCallback(() => {
    portalApi.humanCheck().then((c) => { setCheck(c); onToken(c.token); if (typed.current) onChange?.(''); }, () => setCheck(null));
  }, [onToken, onChange]);
  useEffect(load, [resetKey]);
  return (
    <Flex gap={8} align="center" wrap className="portal-check">
      {check ? <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(check.svg)}`} alt={m('label')} data-testid="human-check-image" /> : <span style={{ width: 120, height: 44 }} />}
      <Input inputMode="numeric" style={{ width: 110 }} placeholder={m('placeholder')} value={value} onChange={(e) => onChange?.(e.target.value)} aria-label={m('label')} maxLength={6} />
      <Button icon={<ReloadOutlined />} onClick={load}>{m('another')}</Button>
    </Flex>
  );
}
