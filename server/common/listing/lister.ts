import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { ObjectLiteral } from 'typeorm';
import { config } from '../../config/config';
import type { Database } from '../../database/database';
import { AppError, invalidInput } from '../errors';
import { isRegistryDate } from '../scalars';
import { OrderDirection, OrderKey, Page, PageArgs } from './connection';
import { readScopeOf } from '../../auth/scope';
import { hiddenPersonalField } from './sql-builder';
import { guardIdNumberLookups } from '../../auth/id-number-lookup';
import { afterToSql, columnRef, filterToSql, orderToSql, quoteIdent, SqlParams } from './sql-builder';

/** Arguments of every list: filter, sort keys and page (README: the API in brief). */
export interface ListArgs extends PageArgs {
  filter?: Record<string, any> | null;
  orderBy?: OrderKey[] | null;
}

/** Columns to read (database names), or null for all. */
export type Columns = string[] | null | undefined;

function selectList(columns: Columns): string {
  return columns ? columns.map((c) => `t.${quoteIdent(c)}`).join(', ') : 't.*';
}

/** An extra condition a caller adds to every list of an entity (scope, parent). */
export type ExtraCondition = (alias: string, params: SqlParams) => string;

interface PagePlan {
  keys: OrderKey[];
  limit: number;
  offset: number;
  after: unknown[] | null;
}

/** Sort keys with `id` appended as the final tiebreaker, so pages and cursors are stable. */
function sortKeys(orderBy: OrderKey[] | null | undefined): OrderKey[] {
  const keys = [...(orderBy ?? [])];
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', direction: OrderDirection.ASC });
  return keys;
}

function signature(keys: OrderKey[]): string {
  return keys.map((k) => `${k.field}:${k.direction}`).join(',');
}

/** Opaque keyset cursor: base64url JSON of the sort signature and the row's key values. */
export function encodeCursor(meta: EntityMetadata, keys: OrderKey[], row: ObjectLiteral): string {
  const values = keys.map((k) => {
    const v = meta.findColumnWithPropertyName(k.field)!.getEntityValue(row);
    return v instanceof Date ? v.toISOString() : (v ?? null);
  });
  return Buffer.from(JSON.stringify({ o: signature(keys), v: values })).toString('base64url');
}

/** Whether a decoded cursor value fits its column, so a tampered cursor cannot fail the statement. */
function fitsColumn(meta: EntityMetadata, field: string, v: unknown): boolean {
  if (v === null) return true;
  const col = meta.findColumnWithPropertyName(field)!;
  switch (col.type) {
    case 'int':
    case 'integer':
    case 'smallint':
    case Number:
      return Number.isInteger(v) && Math.abs(v as number) <= 2147483647;
    case 'numeric':
      return typeof v === 'string' && /^-?\d{1,14}(\.\d{1,2})?$/.test(v);
    case 'date':
      return typeof v === 'string' && isRegistryDate(v);
    case 'timestamptz':
      // Exactly what encodeCursor writes (every timestamp column keeps milliseconds, as Date does).
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    case 'enum':
      return typeof v === 'string' && (col.enum as unknown[]).includes(v);
    case 'boolean':
    case Boolean:
      return typeof v === 'boolean';
    default:
      return typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000');
  }
}

function decodeCursor(meta: EntityMetadata, cursor: string, keys: OrderKey[]): unknown[] {
  const bad = () =>
    invalidInput([
      {
        field: 'after',
        reason: 'INVALID_CURSOR',
        message: 'cursor is malformed or was made for another orderBy',
      },
    ]);
  let parsed: any;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !parsed ||
    parsed.o !== signature(keys) ||
    !Array.isArray(parsed.v) ||
    parsed.v.length !== keys.length
  ) {
    throw bad();
  }
  if (!keys.every((k, i) => fitsColumn(meta, k.field, parsed.v[i]))) throw bad();
  return parsed.v;
}

/**
 * Validates page arguments: `first` defaults to 50 and may not exceed 500 (reason PAGE_SIZE_TOO_LARGE),
 * `first` and `offset` may not be negative (INVALID_PAGE_SIZE / INVALID_OFFSET), `after` must be a
 * cursor of the same orderBy (INVALID_CURSOR).
 */
export function plan(meta: EntityMetadata, args: ListArgs): PagePlan {
  const first = args.first ?? config.defaultPageSize;
  const offset = args.offset ?? 0;
  if (first > config.maxPageSize) {
    throw invalidInput([
      {
        field: 'first',
        reason: 'PAGE_SIZE_TOO_LARGE',
        message: `may be at most ${config.maxPageSize}`,
      },
    ]);
  }
  if (first < 0)
    throw invalidInput([{ field: 'first', reason: 'INVALID_PAGE_SIZE', message: 'must be ≥ 0' }]);
  if (offset < 0) throw invalidInput([{ field: 'offset', reason: 'INVALID_OFFSET', message: 'must be ≥ 0' }]);
  const keys = sortKeys(args.orderBy);
  // A cursor carries its sort values: personal fields are not sort keys for actors who may not see them.
  for (const [i, k] of keys.entries())
    if (hiddenPersonalField(meta, k.field))
      throw new AppError(
        'FORBIDDEN',
        'PERSONAL_DATA',
        `orderBy.${i}: sorting on personal data is not open to this role`,
        [{ field: `orderBy.${i}`, reason: 'PERSONAL_DATA', message: 'not open to this role' }],
      );
  return { keys, limit: first, offset, after: args.after ? decodeCursor(meta, args.after, keys) : null };
}

/** Column → property pairs per entity, computed once (the hot path of every list). */
const columnMaps = new WeakMap<
  EntityMetadata,
  (readonly [string, string, ((v: unknown) => unknown) | null])[]
>();

/**
 * Turns a raw row (database column names) into an entity instance. The drivers already give the
 * right JavaScript values for our column types (int → number, numeric → string, date → 'YYYY-MM-DD'
 * string, timestamptz → Date, enum/varchar → string, boolean), so values are copied as they are,
 * without TypeORM's per-value conversion.
 */
export function hydrate<T>(meta: EntityMetadata, row: Record<string, unknown>): T {
  let map = columnMaps.get(meta);
  if (!map) {
    // Column transformers (encrypted personal data) apply on read, as TypeORM would.
    map = meta.columns.map((c) => {
      const t = c.transformer;
      const from = t && !Array.isArray(t) ? (v: unknown) => t.from(v) : null;
      return [c.databaseName, c.propertyName, from] as const;
    });
    columnMaps.set(meta, map);
  }
  const entity = Object.create((meta.target as Function).prototype) as ObjectLiteral;
  for (const [column, property, from] of map) {
    const value = row[column];
    if (value !== undefined) entity[property] = from ? from(value) : value;
  }
  return entity as T;
}

function toPage<T extends ObjectLiteral>(meta: EntityMetadata, p: PagePlan, rows: T[]): Page<T> {
  const nodes = rows.slice(0, p.limit);
  return {
    nodes,
    // Cursors are encoded only when a client reads them (most relation pages never do).
    pageInfo: {
      hasNextPage: rows.length > p.limit,
      hasPreviousPage: p.after !== null || p.offset > 0,
      get startCursor() {
        return nodes.length ? encodeCursor(meta, p.keys, nodes[0]) : null;
      },
      get endCursor() {
        return nodes.length ? encodeCursor(meta, p.keys, nodes[nodes.length - 1]) : null;
      },
    },
  };
}

function conditions(
  meta: EntityMetadata,
  p: PagePlan | null,
  args: ListArgs,
  params: SqlParams,
  extra?: ExtraCondition,
) {
  const parts = [filterToSql(meta, 't', args.filter, params)];
  if (p?.after) parts.push(afterToSql(meta, 't', p.keys, p.after, params));
  if (extra) parts.push(extra('t', params));
  const scope = readScopeOf(meta, 't', params);
  if (scope) parts.push(scope);
  return parts.map((c) => `(${c})`).join(' AND ');
}

/** Counts rows of `meta` matching the filter (and the extra condition). */
export async function countRows(
  db: Database,
  meta: EntityMetadata,
  filter: ListArgs['filter'],
  extra?: ExtraCondition,
): Promise<number> {
  const params = new SqlParams();
  const where = conditions(meta, null, { filter }, params, extra);
  await guardIdNumberLookups(db, params.idNumbers);
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM ${quoteIdent(meta.tableName)} t WHERE ${where}`,
    params.values,
  );
  return row.n;
}

/** One page of a top-level list. */
export async function listPage<T extends ObjectLiteral>(
  db: Database,
  meta: EntityMetadata,
  args: ListArgs,
  extra?: ExtraCondition,
  columns?: Columns,
): Promise<Page<T>> {
  const p = plan(meta, args);
  const params = new SqlParams();
  const where = conditions(meta, p, args, params, extra);
  await guardIdNumberLookups(db, params.idNumbers);
  const rows =
    p.limit === 0
      ? []
      : await db.query(
          `SELECT ${selectList(columns)} FROM ${quoteIdent(meta.tableName)} t WHERE ${where} ORDER BY ${orderToSql(meta, 't', p.keys)}` +
            ` LIMIT ${p.limit + 1} OFFSET ${p.offset}`,
          params.values,
        );
  return toPage(
    meta,
    p,
    rows.map((r) => hydrate<T>(meta, r)),
  );
}

/**
 * Pages of child rows for many parents in ONE statement (window function per parent): the batch
 * function behind relation connections such as `village.households(...)`.
 */
export async function listPagesByParent<T extends ObjectLiteral>(
  db: Database,
  meta: EntityMetadata,
  fkProperty: string,
  parentIds: readonly number[],
  args: ListArgs,
  columns?: Columns,
): Promise<Page<T>[]> {
  const p = plan(meta, args);
  const params = new SqlParams();
  const fk = columnRef('t', meta.findColumnWithPropertyName(fkProperty)!);
  const ids = params.add([...parentIds]);
  const where = conditions(meta, p, args, params);
  await guardIdNumberLookups(db, params.idNumbers);
  const rows =
    p.limit === 0
      ? []
      : await db.query(
          `SELECT s.* FROM (SELECT ${selectList(columns)}, ${fk} AS "__parent", row_number() OVER (PARTITION BY ${fk} ORDER BY ` +
            `${orderToSql(meta, 't', p.keys)}) AS "__rn" FROM ${quoteIdent(meta.tableName)} t ` +
            `WHERE ${fk} = ANY(${ids}) AND ${where}) s ` +
            `WHERE s."__rn" > ${p.offset} AND s."__rn" <= ${p.offset + p.limit + 1} ORDER BY s."__parent", s."__rn"`,
          params.values,
        );
  const byParent = new Map<number, T[]>();
  for (const row of rows) {
    const parent = Number(row.__parent);
    let list = byParent.get(parent);
    if (!list) byParent.set(parent, (list = []));
    list.push(hydrate<T>(meta, row));
  }
  return parentIds.map((id) => toPage(meta, p, byParent.get(id) ?? []));
}

/** Per-parent counts of child rows matching a filter, in one GROUP BY statement. */
export async function countByParent(
  db: Database,
  meta: EntityMetadata,
  fkProperty: string,
  parentIds: readonly number[],
  filter: ListArgs['filter'],
): Promise<number[]> {
  const params = new SqlParams();
  const fk = columnRef('t', meta.findColumnWithPropertyName(fkProperty)!);
  const ids = params.add([...parentIds]);
  const where = conditions(meta, null, { filter }, params);
  await guardIdNumberLookups(db, params.idNumbers);
  const rows = await db.query(
    `SELECT ${fk} AS parent, count(*)::int AS n FROM ${quoteIdent(meta.tableName)} t ` +
      `WHERE ${fk} = ANY(${ids}) AND (${where}) GROUP BY ${fk}`,
    params.values,
  );
  const counts = new Map(rows.map((r) => [Number(r.parent), r.n as number]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}

/** Rows by primary key, in one statement; missing ids and rows out of the actor's scope map to null. */
export async function findByIds<T extends ObjectLiteral>(
  db: Database,
  meta: EntityMetadata,
  ids: readonly number[],
): Promise<(T | null)[]> {
  const params = new SqlParams();
  const where = [`t.id = ANY(${params.add([...ids])})`, readScopeOf(meta, 't', params)].filter(Boolean);
  const rows = await db.query(
    `SELECT t.* FROM ${quoteIdent(meta.tableName)} t WHERE ${where.join(' AND ')}`,
    params.values,
  );
  const byId = new Map(rows.map((r) => [Number(r.id), hydrate<T>(meta, r)]));
  return ids.map((id) => byId.get(id) ?? null);
}
