import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AppealDetail } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { ActionPanel } from './ActionPanel';
import { transitionBody } from './action-forms';

const APPEAL = {
  id: '01a1f6d0-5b14-746d-8d9d-242c0fcc0c53', number: 'YZ20261120000002', track: 'hotline', status: 'dispatched', version: 3,
  actions: ['sign', 'request_return', 'note'], deadlines: [],
} as unknown as AppealDetail;

type Handler = (url: string, init?: RequestInit) => { status: number; body: unknown };
function stubApi(handler: Handler) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    if (url.startsWith('/api/units') || url.startsWith('/api/categories')) return new Response(JSON.stringify({ items: [] }), { status: 200 });
    const { status, body } = handler(url, init);
    return new Response(JSON.stringify(body), { status });
  }));
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('ActionPanel', () => {
  it('shows one button per action the server offers, named in Chinese', () => {
    stubApi(() => ({ status: 200, body: {} }));
    renderWithProviders(<ActionPanel appeal={APPEAL} onChanged={() => undefined} />);
    for (const name of ['签收', '申请退单', '备注']) expect(screen.getByRole('button', { name: new RegExp(name.split('').join('\\s*')) })).toBeTruthy();
  });

  it('posts the action with the version and hands back the updated appeal', async () => {
    const updated = { ...APPEAL, status: 'handling', version: 4, actions: [] };
    const calls = stubApi(() => ({ status: 200, body: updated }));
    const onChanged = vi.fn();
    renderWithProviders(<ActionPanel appeal={APPEAL} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: /签\s*收/ }));
    fireEvent.click(await screen.findByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(updated));
    const post = calls.find((c) => c.url.endsWith('/transitions'))!;
    expect(JSON.parse(post.init!.body as string)).toEqual({ action: 'sign', version: 3 });
  });

  it('on STALE_STATE reloads the appeal and says someone else changed it', async () => {
    const fresh = { ...APPEAL, status: 'handling', version: 5, actions: ['reply'] };
    stubApi((url, init) => (init?.method === 'POST'
      ? { status: 409, body: { error: { code: 'STALE_STATE', message: '诉求已被他人处理，请刷新后重试', details: { status: 'handling', version: 5 } } } }
      : { status: 200, body: fresh }));
    const onChanged = vi.fn();
    renderWithProviders(<ActionPanel appeal={APPEAL} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: /签\s*收/ }));
    fireEvent.click(await screen.findByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(fresh));
    expect(await screen.findByText(/已重新加载最新状态/)).toBeTruthy();
  });

  it('keeps the form open and shows the API error in Chinese when an action is refused', async () => {
    stubApi(() => ({ status: 422, body: { error: { code: 'INVALID_TRANSITION_INPUT', message: 'x', details: { field: 'reason' } } } }));
    const onChanged = vi.fn();
    renderWithProviders(<ActionPanel appeal={APPEAL} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: /备\s*注/ }));
    fireEvent.change(await screen.findByLabelText('备注内容'), { target: { value: '已电话联系' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('操作缺少必要信息（字段 reason） [INVALID_TRANSITION_INPUT]')).toBeTruthy();
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('transitionBody', () => {
  it('sends only what the action needs, trimmed', () => {
    expect(transitionBody('reply', 2, { replyText: ' 已处理 ', replyResult: 'solved', reason: '  ' })).toEqual({ action: 'reply', version: 2, reply: { text: '已处理', result: 'solved' } });
    expect(transitionBody('callback', 1, { satisfaction: 'satisfied', contacted: true, solved: false })).toEqual({ action: 'callback', version: 1, satisfaction: 'satisfied', contacted: true, solved: false });
    expect(transitionBody('dispatch', 0, { leadUnitId: 'u1', coUnitIds: [] })).toEqual({ action: 'dispatch', version: 0, leadUnitId: 'u1' });
  });
});
