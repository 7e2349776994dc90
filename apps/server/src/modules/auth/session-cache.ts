import type { Grant } from '@minsheng/domain';

export interface SessionUser {
  jurisdictionId: string;
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  expiresAt: Date;
  /** When the session ends for want of use (the idle timeout), if nothing touches it before. */
  idleUntil?: Date | undefined;
  /** The hash of the token this request came with (so a password change can keep the session that made it). */
  tokenHash?: string | undefined;
}

/** A hit older than this share of the ttl is re-read in the background while the entry still answers. */
const REFRESH_AHEAD = 0.8;

/**
 * Short-lived in-process cache of resolved sessions so each request does not re-read the session, the user and
 * the role scopes. A logout or a revocation clears it here at once; other processes drop it within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { at: number; user: SessionUser }>();
  private readonly pending = new Map<string, Promise<SessionUser | null>>();
  constructor(private readonly ttlMs = 10_000, private readonly max = 10_000) {}

  /**
   * The cached user, or else one resolution shared by every request that arrives while it runs: when a busy
   * session's entry lapses, its concurrent requests do not each read the session and queue on the same row's
   * idle-mark UPDATE, each waiting for the one before it to commit. A delete() or clear() meanwhile wins: what
   * the resolution read before it is answered once but not kept.
   *
   * A busy session's entry is re-read before it lapses, while it still answers: otherwise every ttl its requests
   * all wait for that one read, queued behind the others in the pool — a stall of the whole process under load.
   * No entry is used past `ttlMs`, so what another process revoked still ends here within it.
   */
  resolve(tokenHash: string, now: Date, load: () => Promise<SessionUser | null>): Promise<SessionUser | null> {
    const entry = this.fresh(tokenHash, now);
    if (entry) {
      if (Date.now() - entry.at > this.ttlMs * REFRESH_AHEAD && !this.pending.has(tokenHash)) {
        this.start(tokenHash, load).catch(() => { /* the entry answers until it lapses; the next miss reads again */ });
      }
      return Promise.resolve(entry.user);
    }
    return this.pending.get(tokenHash) ?? this.start(tokenHash, load);
  }

  private start(tokenHash: string, load: () => Promise<SessionUser | null>): Promise<SessionUser | null> {
    const resolution: Promise<SessionUser | null> = load()
      .then((user) => {
        if (this.pending.get(tokenHash) === resolution) {
          // A session found gone (revoked, expired) leaves at once, even if a refresh found it so.
          if (user) this.set(tokenHash, user);
          else this.entries.delete(tokenHash);
        }
        return user;
      })
      .finally(() => { if (this.pending.get(tokenHash) === resolution) this.pending.delete(tokenHash); });
    this.pending.set(tokenHash, resolution);
    return resolution;
  }

  get(tokenHash: string, now: Date): SessionUser | null {
    return this.fresh(tokenHash, now)?.user ?? null;
  }

  private fresh(tokenHash: string, now: Date): { at: number; user: SessionUser } | null {
    const hit = this.entries.get(tokenHash);
    if (!hit) return null;
    if (Date.now() - hit.at > this.ttlMs || hit.user.expiresAt <= now || (hit.user.idleUntil && hit.user.idleUntil <= now)) {
      this.entries.delete(tokenHash);
      return null;
    }
    return hit;
  }

  set(tokenHash: string, user: SessionUser): void {
    // Re-set moves the entry to the end, so the size cap drops the longest-unrefreshed session first.
    this.entries.delete(tokenHash);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { at: Date.now(), user });
  }

  delete(tokenHash: string): void {
    this.entries.delete(tokenHash);
    this.pending.delete(tokenHash);
  }

  /** Forget everything: after a change of the unit tree, and in tests to see what another process, with a cold cache, would see. */
  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }
}
