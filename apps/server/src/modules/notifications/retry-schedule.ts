const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 3_600_000;

/** How long to wait after the `attempts`-th failed attempt: 1 min, 2, 4, 8 … doubling, never more than 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/** How long a claimed notification is reserved for the worker sending it; far longer than any send may take. */
export const CLAIM_LEASE_MS = 5 * 60_000;
