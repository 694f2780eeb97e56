import type { Database } from '../database/database';

/**
 * Whether the demo population is all there (issue #12, fault 1): `none` (no demo seed recorded:
 * an empty database, or households entered otherwise), `incomplete` (a seed was interrupted: some
 * households stored, the rest and the monitoring data missing) or `complete`.
 */
export interface DemoStatus {
  state: 'none' | 'incomplete' | 'complete';
  /** Households the recorded seed asks for. */
  households?: number;
  /** Households it has stored so far. */
  stored?: number;
  /** Its generator seed. */
  seed?: number;
}

export interface SeedRunRow {
  id: number;
  households: number;
  seed: number;
  batch_size: number;
  batches_done: number;
  completed_at: string | null;
}

export async function latestRun(db: Database): Promise<SeedRunRow | null> {
  const [run] = await db.query<SeedRunRow>('SELECT * FROM demo_seed_run ORDER BY id DESC LIMIT 1');
  return run ?? null;
}

/** The demo population's state, for /health and the start banner (one indexed read). */
export async function demoStatus(db: Database): Promise<DemoStatus> {
  const run = await latestRun(db);
  if (!run) return { state: 'none' };
  return {
    state: run.completed_at ? 'complete' : 'incomplete',
    households: run.households,
    stored: Math.min(run.households, run.batches_done * run.batch_size),
    seed: run.seed,
  };
}

/** One line saying what is missing of an incomplete demo population, or null when nothing is. */
export function demoWarning(status: DemoStatus): string | null {
  if (status.state !== 'incomplete') return null;
  return (
    `demo population incomplete: ${status.stored} of ${status.households} households stored (seed ${status.seed}), ` +
    'monitoring data missing; run `npm run seed` (or restart) to finish it'
  );
}
