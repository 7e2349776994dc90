/** Kinds of personal data found in appeal text (个人信息). */
export type PiiType = 'name' | 'mobile' | 'landline' | 'id_card' | 'bank_card' | 'plate' | 'email' | 'address';

export const PII_TYPES: readonly PiiType[] = ['name', 'mobile', 'landline', 'id_card', 'bank_card', 'plate', 'email', 'address'];

/** A piece of personal data: [start, end) in UTF-16 code units of the original text. */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
  text: string;
}

/** Placeholder written in place of each kind when redacting with labels. */
export const PII_LABELS: Record<PiiType, string> = {
  name: '姓名', mobile: '手机号', landline: '电话', id_card: '身份证号', bank_card: '银行卡号', plate: '车牌号', email: '邮箱', address: '地址',
};

/** Builds a span from a regex match offset. */
export function span(type: PiiType, text: string, start: number, end: number): PiiSpan {
  return { type, start, end, text: text.slice(start, end) };
}
