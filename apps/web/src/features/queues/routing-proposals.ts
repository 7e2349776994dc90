import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';

/** What a queue row shows of the routing catalogue's proposal (派单建议). */
export interface RoutingProposal { leadUnitId: string | null; leadUnitName: string | null; why: string }

/** A row's proposal: undefined while it is being asked for, null when there is none to show (refused or failed). */
export type ProposalOf = (appealId: string) => RoutingProposal | null | undefined;

/** The most ids one request carries: a queue page. */
const PAGE = 50;

/**
 * The proposals for a queue's rows, one GET /api/routing-proposals per page of rows instead of one request per row.
 * Rows asked for once are not asked again (as a row's own request was not while it stayed on screen); when the rows
 * change before an answer came, the unanswered ones are asked again with the new page.
 */
export function useRoutingProposals(appealIds: readonly string[]): ProposalOf {
  const [known, setKnown] = useState<ReadonlyMap<string, RoutingProposal | null>>(new Map());
  const asked = useRef(new Set<string>());
  const key = appealIds.join(',');
  useEffect(() => {
    const ctrl = new AbortController();
    const missing = key ? key.split(',').filter((id) => !asked.current.has(id)) : [];
    const open = new Set(missing);
    const settle = (ids: readonly string[], found: ReadonlyMap<string, RoutingProposal>) => {
      ids.forEach((id) => open.delete(id));
      setKnown((old) => new Map([...old, ...ids.map((id) => [id, found.get(id) ?? null] as const)]));
    };
    for (let i = 0; i < missing.length; i += PAGE) {
      const page = missing.slice(i, i + PAGE);
      page.forEach((id) => asked.current.add(id));
      api.get<{ items: { appealId: string; proposal: RoutingProposal }[] }>('/api/routing-proposals', { appealIds: page }, ctrl.signal).then(
        (r) => settle(page, new Map(r.items.map((item) => [item.appealId, item.proposal]))),
        () => { if (!ctrl.signal.aborted) settle(page, new Map()); },
      );
    }
    return () => {
      ctrl.abort();
      open.forEach((id) => asked.current.delete(id));
    };
  }, [key]);
  return (appealId) => known.get(appealId);
}
