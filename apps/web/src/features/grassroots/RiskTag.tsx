import { Tag } from 'antd';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Risk } from './grassroots-api';

const COLOR: Record<Risk, string> = { low: 'blue', medium: 'orange', high: 'red' };

/** 风险等级 as a coloured tag. */
export function RiskTag({ risk }: { risk: Risk }) {
  const m = useMessages(M);
  return <Tag color={COLOR[risk]}>{m(`r_${risk}`)}</Tag>;
}
