import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AppealDetail } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { ActionPanel } from '../appeals/ActionPanel';
import { CategorySuggestions } from './CategorySuggestions';
import type { Suggestion } from './text-api';

const WATER = 'c0000000-0000-4000-8000-000000000001';
const RIVER = 'c0000000-0000-4000-8000-000000000002';
const ROADS = 'c0000000-0000-4000-8000-000000000003';
const CATEGORIES = [
  { id: WATER, parentId: null, name: '水务', key: 'water', active: true },
  { id: RIVER, parentId: WATER, name: '河道管理', key: 'water.river', active: true },
  { id: ROADS, parentId: null, name: '交通运输', key: 'roads', active: true },
];

function stubApi(onPost: (url: string, body: unknown) => unknown = () => ({})) {
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/units')) return new Response(JSON.stringify({ items: [] }), { status: 200 });
    if (url.startsWith('/api/categories')) return new Response(JSON.stringify({ items: CATEGORIES }), { status: 200 });
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    posts.push({ url, body });
    return new Response(JSON.stringify(onPost(url, body)), { status: 200 });
  }));
  return posts;
}
afterEach(() => vi.unstubAllGlobals());

const SUGGESTION: Suggestion = {
  categories: [
    { categoryId: WATER, name: '水务', path: ['水务'], confidence: 0.82 },
    { categoryId: ROADS, name: '交通运输', path: ['交通运输'], confidence: 0.11 },
  ],
  classifier: { status: 'ready', reason: null, modelId: 'm1', version: 3 },
  routing: null,
  duplicates: [],
};

describe('category suggestions', () => {
  it('shows each suggestion with its confidence, marks the one the current category lies within, and picks on click', async () => {
    stubApi();
    const onPick = vi.fn();
    renderWithProviders(<CategorySuggestions suggestion={SUGGESTION} loading={false} value={RIVER} onPick={onPick} shortcuts />);
    const water = await screen.findByRole('button', { name: /水务 82%/ });
    await waitFor(() => expect(water.className).toMatch(/ant-btn-primary/));
    const roads = screen.getByRole('button', { name: /交通运输 11%/ });
    expect(roads.className).not.toMatch(/ant-btn-primary/);
    expect(roads.getAttribute('tabindex')).toBe('-1');
    expect(roads.textContent).toContain('Alt+2');
    fireEvent.click(roads);
    expect(onPick).toHaveBeenCalledWith(ROADS);
  });

  it('without a trained model says why instead of suggesting', () => {
    stubApi();
    renderWithProviders(<CategorySuggestions suggestion={{ ...SUGGESTION, categories: [], classifier: { status: 'not_trained', reason: '本辖区尚未训练分类模型', modelId: null, version: null } }}
      loading={false} value={undefined} onPick={() => undefined} />);
    expect(screen.getByText('本辖区尚未训练分类模型')).toBeTruthy();
  });
});

describe('an action proposed by the assistant', () => {
  it('opens the action form prefilled and posts it with the appeal version', async () => {
    const appeal = { id: 'a1', number: 'YZ1', track: 'hotline', status: 'registered', version: 2, actions: ['accept', 'reclassify'], deadlines: [] } as unknown as AppealDetail;
    const posts = stubApi(() => ({ ...appeal, version: 3, categoryId: ROADS }));
    const onChanged = vi.fn();
    renderWithProviders(<ActionPanel appeal={appeal} onChanged={onChanged} preset={{ action: 'reclassify', values: { categoryId: ROADS }, key: 1 }} />);
    fireEvent.click(await screen.findByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(posts.find((p) => p.url.endsWith('/transitions'))!.body).toEqual({ action: 'reclassify', version: 2, categoryId: ROADS });
  });
});
