import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one gateway to the database for services.
 *
 * On the embedded PGlite there is a single connection, and concurrent transactions on it corrupt each
 * other (one's ROLLBACK undoes another's committed writes: STACK.md trap 2). So there every transaction,
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

  /** Runs one SQL statement with `$n` parameters and returns its rows. */
  async query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    const tx = this.current.getStore();
    if (tx) return tx.query(sql, params);
    if (this.mutex) return this.mutex.runExclusive(() => this.dataSource.query(sql, params));
    return this.dataSource.query(sql, params);
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
