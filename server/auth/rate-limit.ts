import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Database } from '../database/database';

/**
 * One counter of a fixed-window rate limit (issue #11 fault 4): in the database, so every server
 * instance on it counts the same attempts. Never exposed through GraphQL.
 */
@Entity()
export class RateLimitCounter {
  /** What is counted, e.g. `login:ip:10.0.0.7`, `apikey:12`, `signin:alice`. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** Start of the current window. */
  @Column({ type: 'timestamptz', precision: 3 })
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;

  /** A lockout on the key (failed sign-ins of an unknown username), until then. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  blockedUntil: Date | null;
}

/** The state of one limit after a hit, for the `RateLimit-*` headers. */
export interface RateLimitState {
  allowed: boolean;
  /** Hits in the window so far, this one included. */
  hits: number;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Fixed-window limits counted in the database with one atomic statement (an upsert), so it needs no
 * transaction: it works alike on PostgreSQL (any number of instances) and on the embedded PGlite,
 * where `Database.query` already takes its turn with the transactions on the single connection.
 * rate-limiter-flexible's PostgreSQL store would need a pg pool (none on PGlite) and creates its
 * table itself instead of through a migration.
 */
export class RateLimiter {
  constructor(private readonly db: Database) {}

  /** Counts `cost` hits on `key` in a window of `windowSeconds`; allowed while the count ≤ `limit`. */
  async hit(key: string, limit: number, windowSeconds: number, cost = 1): Promise<RateLimitState> {
    const [row] = await this.db.query(
      `INSERT INTO rate_limit_counter AS c (key, window_start, hits) VALUES ($1, now(), $3)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN c.window_start <= now() - $2::int * interval '1 second' THEN now() ELSE c.window_start END,
         hits = CASE WHEN c.window_start <= now() - $2::int * interval '1 second' THEN $3 ELSE c.hits + $3 END
       RETURNING c.hits, GREATEST(1, ceil(extract(epoch FROM c.window_start + $2::int * interval '1 second' - now())))::int AS reset`,
      [key.slice(0, 200), windowSeconds, cost],
    );
    // Now and then, forget windows long over (sign-in lockouts are kept: they mirror accounts').
    if (Math.random() < 0.01)
      await this.db.query(
        `DELETE FROM rate_limit_counter WHERE window_start < now() - interval '1 day' AND key NOT LIKE 'signin:%'`,
      );
    return {
      allowed: row.hits <= limit,
      hits: row.hits,
      limit,
      remaining: Math.max(0, limit - row.hits),
      resetSeconds: row.reset,
    };
  }
}
