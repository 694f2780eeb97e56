import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { Database } from '../../database/database';
import { currentActor } from '../../auth/actor';
import { attachCollector, AuditCollector, collectorOf } from '../../auth/audit';
import { readScopeOf, writeScope } from '../../auth/scope';
import { AppError, invalidInput, notFound, staleVersion } from '../errors';
import type { PageSource } from '../listing/connection';
import { Columns, countRows, hydrate, listPage, ListArgs, plan } from '../listing/lister';
import { connectionColumns } from '../listing/selection';
import { parseId, quoteIdent, SqlParams } from '../listing/sql-builder';
import type { Loaders } from './loaders';
import { mapDbError } from './db-errors';

/** Every stored entity has an integer id and an optimistic-lock version. */
export interface Versioned extends ObjectLiteral {
  id: number;
  version: number;
}

/**
 * Reads and writes one entity type. Reads go through the list machinery and per-request loaders;
 * writes run in one transaction (serialised on the embedded database) that locks the row, checks
 * `expectedVersion` (stale → CONFLICT/STALE_VERSION), applies the input, checks the module's rules
 * (`check`, throwing BAD_USER_INPUT with every failed field) and maps integrity errors. A rejected
 * write changes nothing.
 */
export abstract class CrudService<T extends Versioned> {
  protected abstract readonly entity: new () => T;

  constructor(protected readonly db: Database) {}

  protected get meta(): EntityMetadata {
    return this.db.dataSource.getMetadata(this.entity);
  }

  /** One row by GraphQL ID; null when absent or the ID is not a row id. */
  async findById(loaders: Loaders, id: string | number | null | undefined): Promise<T | null> {
    const n = id === null || id === undefined ? null : parseId(id);
    return n === null ? null : loaders.byId<T>(this.entity).load(n);
  }

  /**
   * The top-level list: its page and count, each run only when selected; given the resolve info,
   * the page reads only the columns the query selects. Page arguments are checked
   * at once (BAD_USER_INPUT for a bad `first`, `offset` or `after`).
   */
  list(args: ListArgs, info?: GraphQLResolveInfo): PageSource<T> {
    const columns = this.columns(args, info);
    return {
      page: () => listPage<T>(this.db, this.meta, args, undefined, columns),
      count: () => countRows(this.db, this.meta, args.filter),
    };
  }

  /** Rows whose `fkProperty` is `parentId`: page and count batched across parents by the loaders. */
  listByParent(
    loaders: Loaders,
    fkProperty: string,
    parentId: number,
    args: ListArgs,
    info?: GraphQLResolveInfo,
  ): PageSource<T> {
    const columns = this.columns(args, info);
    return {
      page: () => loaders.related<T>(this.entity, fkProperty, args, columns).load(parentId),
      count: () => loaders.relatedCount(this.entity, fkProperty, args.filter).load(parentId),
    };
  }

  /** Checks the page arguments now (BAD_USER_INPUT) and picks the columns the selection reads. */
  private columns(args: ListArgs, info?: GraphQLResolveInfo): Columns {
    const { keys } = plan(this.meta, args);
    return info
      ? connectionColumns(
          this.meta,
          info,
          keys.map((k) => k.field),
        )
      : null;
  }

  async create(input: object): Promise<T> {
    return this.write('write', async (m) => {
      const entity = m.create(this.entity);
      // Omitted optional fields are null, so rules see one "absent" value whatever the client sent.
      for (const col of this.meta.columns) if (col.isNullable) col.setEntityValue(entity, null);
      this.assign(entity, input, 'input');
      await this.checkReferences(m, entity, null);
      await this.check(entity, m, null, input);
      const saved = await m.save(this.entity, entity);
      await this.afterSave(saved, m, input, null);
      await this.checkWriteScope(m, saved.id);
      return this.reload(m, saved.id);
    });
  }

  async update(id: string, input: object, expectedVersion?: number | null): Promise<T> {
    return this.write('write', async (m) => {
      const current = await this.lock(m, id, expectedVersion);
      const before = { ...current } as T;
      this.assign(current, input, 'input');
      await this.checkReferences(m, current, before);
      await this.check(current, m, before, input);
      const saved = await m.save(this.entity, current);
      await this.afterSave(saved, m, input, before);
      await this.checkWriteScope(m, saved.id);
      return this.reload(m, saved.id);
    });
  }

  /** Deletes the row; returns its id. Rows still referenced give CONFLICT/IN_USE. */
  async delete(id: string, expectedVersion?: number | null): Promise<string> {
    return this.write('delete', async (m) => {
      const current = await this.lock(m, id, expectedVersion);
      await this.beforeDelete(current, m);
      await m.query(`DELETE FROM ${quoteIdent(this.meta.tableName)} WHERE id = $1`, [current.id]);
      collectorOf(m)?.after(this.meta.name, current.id, null);
      return String(current.id);
    });
  }

  /**
   * Every row the input refers to must be visible to the actor (README: accounts, roles and personal data): a township officer
   * cannot move a household into another township's village. Out of scope reads as absent:
   * BAD_USER_INPUT/REFERENCE_NOT_FOUND on the field.
   */
  protected async checkReferences(
    m: EntityManager,
    row: ObjectLiteral,
    before: ObjectLiteral | null,
  ): Promise<void> {
    const errors: { field: string; reason: string; message: string }[] = [];
    for (const rel of this.meta.manyToOneRelations) {
      const col = rel.joinColumns[0];
      const value = col.getEntityValue(row);
      if (value === null || value === undefined || (before && col.getEntityValue(before) === value)) continue;
      const params = new SqlParams();
      const scope = readScopeOf(rel.inverseEntityMetadata, 't', params);
      if (!scope) continue;
      const id = params.add(value);
      const found = await m.query(
        `SELECT 1 FROM ${quoteIdent(rel.inverseEntityMetadata.tableName)} t WHERE t.id = ${id} AND ${scope}`,
        params.values,
      );
      if (!found.length)
        errors.push({
          field: `input.${col.propertyName}`,
          reason: 'REFERENCE_NOT_FOUND',
          message: 'no such row',
        });
    }
    if (errors.length) throw invalidInput(errors);
  }

  /** The written row must lie in the actor's write scope (its area; a department's own rows). */
  protected async checkWriteScope(m: EntityManager, id: number): Promise<void> {
    const params = new SqlParams();
    const scope = writeScope(this.meta.tableName, 't', params);
    if (!scope) return;
    const p = params.add(id);
    const rows = await m.query(
      `SELECT 1 FROM ${quoteIdent(this.meta.tableName)} t WHERE t.id = ${p} AND ${scope}`,
      params.values,
    );
    if (!rows.length)
      throw new AppError(
        'FORBIDDEN',
        'OUT_OF_SCOPE',
        `this ${this.meta.name} would lie outside your area or department`,
      );
  }

  /** Business rules of the module; throw `invalidInput` listing every failure. `before` is null on create. */
  protected async check(_entity: T, _m: EntityManager, _before: T | null, _input: any): Promise<void> {}

  /** Writes that follow the row (children, derived rows), in the same transaction. */
  protected async afterSave(_saved: T, _m: EntityManager, _input: any, _before: T | null): Promise<void> {}

  protected async beforeDelete(_entity: T, _m: EntityManager): Promise<void> {}

  /** Input properties that are not columns of the row (children written in `afterSave`). */
  protected readonly nonColumnInputs: string[] = [];

  /** Copies given input properties onto the row, turning ID strings of foreign keys into numbers. */
  protected assign(entity: ObjectLiteral, input: object, path: string): void {
    // Nested inputs are handled by the module (nonColumnInputs); everything else maps to a column.
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || this.nonColumnInputs.includes(key)) continue;
      const col = this.meta.findColumnWithPropertyName(key);
      if (value === null && col && !col.isNullable) {
        throw invalidInput([
          { field: `${path}.${key}`, reason: 'REQUIRED', message: `${key} cannot be cleared` },
        ]);
      }
      if (col && col.relationMetadata && typeof value === 'string') {
        const id = parseId(value);
        if (id === null)
          throw invalidInput([
            { field: `${path}.${key}`, reason: 'INVALID_ID', message: `"${value}" is not an ID` },
          ]);
        entity[key] = id;
      } else {
        entity[key] = value;
      }
    }
  }

  /** The row as stored (money as numeric(14,2) gives it back, defaults filled), read in the transaction. */
  protected async reload(m: EntityManager, id: number): Promise<T> {
    const rows = await m.query(`SELECT * FROM ${quoteIdent(this.meta.tableName)} WHERE id = $1`, [id]);
    const row = hydrate<T>(this.meta, rows[0]);
    collectorOf(m)?.after(this.meta.name, id, row);
    return row;
  }

  /** Loads the row FOR UPDATE; NOT_FOUND when absent, CONFLICT when `expectedVersion` is stale. */
  protected async lock(m: EntityManager, id: string | number, expectedVersion?: number | null): Promise<T> {
    const name = this.meta.name;
    const n = parseId(id);
    if (n === null) throw notFound(name, id);
    // A row outside the actor's write scope is as absent as a missing one.
    const params = new SqlParams();
    const where = [`t.id = ${params.add(n)}`, writeScope(this.meta.tableName, 't', params)].filter(Boolean);
    const rows = await m.query(
      `SELECT t.* FROM ${quoteIdent(this.meta.tableName)} t WHERE ${where.join(' AND ')} FOR UPDATE`,
      params.values,
    );
    if (!rows.length) throw notFound(name, id);
    const row = hydrate<T>(this.meta, rows[0]);
    collectorOf(m)?.before(name, row.id, row);
    if (expectedVersion !== null && expectedVersion !== undefined && row.version !== expectedVersion) {
      throw staleVersion(name, id, expectedVersion, row.version);
    }
    return row;
  }

  /**
   * Runs a write in one transaction; the rows it locked and reloaded are appended to the audit
   * trail in that same transaction (one event per row, operation = the mutation's name).
   */
  protected async write<R>(operation: 'write' | 'delete', fn: (m: EntityManager) => Promise<R>): Promise<R> {
    const actor = currentActor();
    try {
      return await this.db.transaction(async (m) => {
        const audit = new AuditCollector(actor.operation ?? `${operation}${this.meta.name}`);
        attachCollector(m, audit);
        const result = await fn(m);
        await audit.flush(m);
        return result;
      });
    } catch (error) {
      throw mapDbError(error, operation);
    }
  }
}
