import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import type { Database } from '../../database/database';
import type { Page } from '../listing/connection';
import { Columns, countByParent, findByIds, ListArgs, listPagesByParent } from '../listing/lister';

/**
 * Per-request DataLoaders (README: layout: every relation field goes through one; no N+1). A loader is
 * made on first use and keyed by entity, foreign key, arguments and columns, so
 * `village.households(first: 5)` for 50 villages is one statement.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<any, any>>();

  constructor(private readonly db: Database) {}

  /** Forgets everything loaded so far: each mutation's result is read fresh (mutations run in order). */
  clear(): void {
    this.cache.clear();
  }

  /** A module-specific loader, created once per request under `key`. */
  custom<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.cache.get(key);
    if (!loader) this.cache.set(key, (loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 })));
    return loader;
  }

  /** Rows of `entity` by id (null when absent). */
  byId<T extends ObjectLiteral>(entity: Function): DataLoader<number, T | null> {
    const meta = this.db.dataSource.getMetadata(entity);
    return this.custom(`byId:${meta.name}`, (ids: readonly number[]) => findByIds<T>(this.db, meta, ids));
  }

  /** Pages of `entity` rows whose `fkProperty` equals the parent id, one page per parent (only `columns`). */
  related<T extends ObjectLiteral>(
    entity: Function,
    fkProperty: string,
    args: ListArgs,
    columns?: Columns,
  ): DataLoader<number, Page<T>> {
    const meta = this.db.dataSource.getMetadata(entity);
    const key = `related:${meta.name}.${fkProperty}:${JSON.stringify(args)}:${columns?.join(',') ?? '*'}`;
    return this.custom(key, (ids: readonly number[]) =>
      listPagesByParent<T>(this.db, meta, fkProperty, ids, args, columns),
    );
  }

  /** Counts of `entity` rows per parent matching `filter`. */
  relatedCount(entity: Function, fkProperty: string, filter: ListArgs['filter']): DataLoader<number, number> {
    const meta = this.db.dataSource.getMetadata(entity);
    const key = `count:${meta.name}.${fkProperty}:${JSON.stringify(filter ?? null)}`;
    return this.custom(key, (ids: readonly number[]) =>
      countByParent(this.db, meta, fkProperty, ids, filter),
    );
  }
}
