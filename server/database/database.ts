import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { isConnectionLost } from '../common/database-faults';
import { logger } from '../common/logger';

/** Pause before the one retry of a read (see `query`). */
const RETRY_DELAY_MS = 100;

/** A statement that only reads (a SELECT without a data-modifying clause or row lock): safe to run twice. */
function isRead(sql: string): boolean {
  return (
    /^\s*(SELECT|WITH)\b/i.test(sql) &&
    !/\b(INSERT|UPDATE|DELETE|MERGE|FOR\s+(NO\s+KEY\s+)?UPDATE|FOR\s+SHARE|nextval|setval|pg_advisory)/i.test(
      sql,
    )
  );
}

/**
 * The one gateway to the database for services.
 *
 * On the embedded PGlite there is a single connection, and concurrent transactions on it corrupt each
 * other (one's ROLLBACK undoes another's committed writes; typeorm-pglite hands every query runner the same connection). So there every transaction,
 * and every statement issued outside one, takes a process-wide mutex: work is serialised. On PostgreSQL
 * the pool gives each transaction its own connection and nothing is serialised.
 *
 * Statements issued inside `transaction(fn)` (found through AsyncLocalStorage) run on that
 * transaction's connection, so services can call `query` without threading a manager through.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private readonly mutex: Mutex | null;

  constructor(
    readonly dataSource: DataSource,
    /** True on the embedded PGlite (single connection). */
    readonly embedded: boolean,
  ) {
    this.mutex = embedded ? new Mutex() : null;
  }

  /**
   * Runs one SQL statement with `$n` parameters and returns its rows. A read outside a transaction
   * whose connection is lost (terminated backend, restart) is retried once on a fresh connection
   * from the pool (the broken one is discarded); a write never is, nor anything inside a
   * transaction (issue #12, fault 5): their callers get SERVICE_UNAVAILABLE.
   */
  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const tx = this.current.getStore();
    if (tx) return tx.query(sql, params);
    const run = () =>
      this.mutex
        ? this.mutex.runExclusive(() => this.dataSource.query(sql, params))
        : this.dataSource.query(sql, params);
    try {
      return await run();
    } catch (error) {
      if (!isConnectionLost(error) || !isRead(sql) || !this.dataSource.isInitialized) throw error;
      logger.warn(
        { err: { message: (error as Error).message } },
        'database connection lost during a read: retrying once',
      );
      // The broken client goes back to the pool before its socket's end is seen: give the pool a
      // moment to drop it, so the retry is served by a fresh connection.
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      return run();
    }
  }

  /**
   * Runs `fn` in a transaction (READ COMMITTED); a throw rolls everything back. Nested calls join the
   * outer transaction.
   */
  async transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return fn(outer);
    const run = () => this.dataSource.transaction((manager) => this.current.run(manager, () => fn(manager)));
    return this.mutex ? this.mutex.runExclusive(run) : run();
  }
}
