import { describe, expect, it } from 'vitest';
import { ERRORS } from '@minsheng/contracts';
import { ApiError, apiErrorFrom, errorMessage } from './errors';

describe('error mapping', () => {
  it('maps every code of the closed list to its zh and en message, with the code', () => {
    for (const [code, def] of Object.entries(ERRORS)) {
      const err = apiErrorFrom(def.status, { error: { code, message: 'developer text' } });
      expect(err.code).toBe(code);
      expect(errorMessage(err, 'zh')).toBe(`${def.zh} [${code}]`);
      expect(errorMessage(err, 'en')).toBe(`${def.en} [${code}]`);
    }
  });

  it('names the field at fault and the state an appeal is in now', () => {
    const validation = apiErrorFrom(400, { error: { code: 'VALIDATION_FAILED', message: 'x', details: { issues: [{ path: '/reply/text' }] } } });
    expect(errorMessage(validation, 'zh')).toBe('输入不符合要求（字段 /reply/text） [VALIDATION_FAILED]');
    const illegal = apiErrorFrom(409, { error: { code: 'ILLEGAL_TRANSITION', message: 'x', details: { status: 'handling' } } });
    expect(errorMessage(illegal, 'zh')).toBe('当前状态下不能执行此操作（当前状态：办理中） [ILLEGAL_TRANSITION]');
    expect(errorMessage(illegal, 'en')).toContain('current state：Handling');
  });

  it('never shows nothing: unknown bodies, unknown codes and network failures have a message', () => {
    const html = apiErrorFrom(502, null);
    expect(html.code).toBe('UNEXPECTED_RESPONSE');
    expect(errorMessage(html, 'zh')).toMatch(/^操作失败：HTTP 502/);
    const newer = apiErrorFrom(418, { error: { code: 'SOMETHING_NEW', message: '新错误' } });
    expect(errorMessage(newer, 'zh')).toBe('操作失败：新错误 [SOMETHING_NEW]');
    expect(errorMessage(new ApiError(0, 'NETWORK', 'fetch failed'), 'zh')).toBe('无法连接服务器，请检查网络后重试');
    expect(errorMessage(new Error('boom'), 'en')).toBe('The operation failed: boom'.replace(': ', '：'));
  });
});
