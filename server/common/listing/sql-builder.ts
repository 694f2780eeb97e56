import { readScopeOf } from '../../auth/scope';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { currentActor } from '../../auth/actor';
import { personalFieldsOf, personalHiddenFrom } from '../../auth/personal-data';
import { AppError, invalidInput } from '../errors';
import { OrderDirection, OrderKey } from './connection';

/** Positional parameters of one SQL statement (`$1`, `$2`, …). */
export class SqlParams {
  readonly values: unknown[] = [];
  /** ID numbers the statement looks up (normalised): checked before it runs (auth/id-number-lookup.ts). */
  readonly idNumbers: string[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Text-search (`q`) columns per entity, declared by each module next to its filter. */
const searchColumns = new Map<Function, string[]>();

/** A filter field that is not a plain column comparison (an encrypted column's keyed hash). */
export type CustomFilter = (alias: string, value: any, params: SqlParams, path: string) => string;
const customFilters = new Map<Function, Record<string, CustomFilter>>();
/** Extra `q` matches beyond substrings (exact match of an encrypted value through its hash). */
export type SearchExtra = (alias: string, text: string, params: SqlParams) => string | null;
const searchExtras = new Map<Function, SearchExtra>();

/** Declares how filter field `key` of `entity` becomes SQL (instead of comparing a column). */
export function registerFilterField(entity: Function, key: string, toSql: CustomFilter): void {
  customFilters.set(entity, { ...(customFilters.get(entity) ?? {}), [key]: toSql });
}

/** Declares an extra condition `q` may also match on (ORed with the substring matches). */
export function registerSearchExtra(entity: Function, extra: SearchExtra): void {
  searchExtras.set(entity, extra);
}

/**
 * Whether `prop` of the entity is personal data (declared with `@Personal`) the current actor may not
 * filter, search or sort on: every personal field for roles without personal data, the birth date
 * for everyone.
 */
export function hiddenPersonalField(meta: EntityMetadata, prop: string): boolean {
  const field = personalFieldsOf(meta.target as Function).get(prop);
  return Boolean(field) && personalHiddenFrom(field!.kind, currentActor());
}

function personalDataError(path: string) {
  return new AppError(
    'FORBIDDEN',
    'PERSONAL_DATA',
    `${path}: searching or sorting personal data is not open to this role`,
    [{ field: path, reason: 'PERSONAL_DATA', message: 'not open to this role' }],
  );
}

/** Conditions in a filter (every key at every level), to bound the work one request can ask for. */
function conditionCount(filter: unknown): number {
  if (!filter || typeof filter !== 'object') return 0;
  if (Array.isArray(filter)) return filter.reduce((n: number, f) => n + conditionCount(f), 0);
  return Object.values(filter as object).reduce((n: number, v) => n + 1 + conditionCount(v), 0);
}

/** Declares which properties `q` searches (case-insensitive substring) for an entity. */
export function registerSearch(entity: Function, properties: string[]): void {
  searchColumns.set(entity, properties);
}

/** Bounds of one filter: nesting of and/or/not/relations, list sizes, text lengths. */
export const FILTER_LIMITS = { nesting: 8, list: 1000, search: 100, text: 200, conditions: 200 };

function tooMany(field: string) {
  return invalidInput([{ field, reason: 'TOO_MANY', message: `at most ${FILTER_LIMITS.list} values` }]);
}

function tooLong(field: string, max: number) {
  return invalidInput([{ field, reason: 'TOO_LONG', message: `at most ${max} characters` }]);
}

const ID_PATTERN = /^[1-9]\d{0,9}$/;
/** Largest value of a PostgreSQL `integer` (serial) key. */
const MAX_ID = 2147483647;

/** Parses a GraphQL ID into the integer primary key, or null when it cannot be one (incl. > int4). */
export function parseId(id: unknown): number | null {
  if (typeof id === 'number') return Number.isInteger(id) && id > 0 && id <= MAX_ID ? id : null;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null;
  const n = Number(id);
  return n <= MAX_ID ? n : null;
}

function isIntColumn(col: ColumnMetadata): boolean {
  return col.type === 'int' || col.type === 'integer' || col.type === Number || col.type === 'smallint';
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function columnRef(alias: string, col: ColumnMetadata): string {
  return `${alias}.${quoteIdent(col.databaseName)}`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Translates a typed filter object (`{ name: { contains: "川" }, or: [...] }`) into a SQL condition over
 * `alias`. Keys are entity properties (columns), relations (`village: VillageFilter` → sub-select,
 * `members: HouseholdMemberFilter` → EXISTS), `and`, `or`, `not` and `q`.
 * Throws BAD_USER_INPUT (reason INVALID_ID) for an ID value that is not a row id.
 */
export function filterToSql(
  meta: EntityMetadata,
  alias: string,
  filter: Record<string, any> | null | undefined,
  params: SqlParams,
  path = 'filter',
  depth = 0,
  nesting = 0,
): string {
  if (!filter) return 'TRUE';
  if (depth === 0 && nesting === 0 && conditionCount(filter) > FILTER_LIMITS.conditions) {
    throw invalidInput([
      {
        field: path,
        reason: 'FILTER_TOO_LARGE',
        message: `a filter has at most ${FILTER_LIMITS.conditions} conditions`,
      },
    ]);
  }
  if (nesting > FILTER_LIMITS.nesting) {
    throw invalidInput([
      {
        field: path,
        reason: 'FILTER_TOO_DEEP',
        message: `filters nest at most ${FILTER_LIMITS.nesting} levels`,
      },
    ]);
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    const here = `${path}.${key}`;
    if (key === 'and' || key === 'or') {
      if ((value as any[]).length > FILTER_LIMITS.list) throw tooMany(here);
      const subs = (value as any[]).map((f, i) =>
        filterToSql(meta, alias, f, params, `${here}.${i}`, depth, nesting + 1),
      );
      if (subs.length) parts.push(`(${subs.join(key === 'and' ? ' AND ' : ' OR ')})`);
      else if (key === 'or') parts.push('FALSE');
      continue;
    }
    if (key === 'not') {
      parts.push(
        `NOT COALESCE((${filterToSql(meta, alias, value, params, here, depth, nesting + 1)}), FALSE)`,
      );
      continue;
    }
    if (key === 'q') {
      const text = String(value).trim();
      if (!text) continue;
      if (text.length > FILTER_LIMITS.search) throw tooLong(here, FILTER_LIMITS.search);
      const props = (searchColumns.get(meta.target as Function) ?? []).filter(
        (x) => !hiddenPersonalField(meta, x),
      );
      const p = params.add(`%${escapeLike(text)}%`);
      const ors = props.map((prop) => `${columnRef(alias, column(meta, prop))} ILIKE ${p}`);
      const exact = searchExtras.get(meta.target as Function)?.(alias, text, params);
      if (exact) ors.push(exact);
      parts.push(ors.length ? `(${ors.join(' OR ')})` : 'FALSE');
      continue;
    }
    if (hiddenPersonalField(meta, key)) throw personalDataError(here);
    const custom = customFilters.get(meta.target as Function)?.[key];
    if (custom) {
      parts.push(custom(alias, value, params, here));
      continue;
    }
    const rel = meta.findRelationWithPropertyPath(key);
    if (!rel) {
      parts.push(
        ...operatorsToSql(column(meta, key), columnRef(alias, column(meta, key)), value, params, here),
      );
      continue;
    }
    {
      const sub = `r${depth + 1}`;
      const target = rel.inverseEntityMetadata;
      // Related rows count only when the actor may see them (a filter must not probe other areas).
      const scope = readScopeOf(target, sub, params);
      const filtered = filterToSql(target, sub, value, params, here, depth + 1, nesting + 1);
      const cond = scope ? `${scope} AND (${filtered})` : filtered;
      const table = quoteIdent(target.tableName);
      if (rel.isManyToOne || rel.isOneToOneOwner) {
        const fk = rel.joinColumns[0];
        const pk = target.primaryColumns[0];
        parts.push(
          `${columnRef(alias, fk)} IN (SELECT ${columnRef(sub, pk)} FROM ${table} ${sub} WHERE ${cond})`,
        );
      } else if (rel.isOneToMany) {
        const fk = rel.inverseRelation!.joinColumns[0];
        const pk = meta.primaryColumns[0];
        parts.push(
          `EXISTS (SELECT 1 FROM ${table} ${sub} WHERE ${columnRef(sub, fk)} = ${columnRef(alias, pk)} AND ${cond})`,
        );
      }
    }
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/**
 * The actor's read scope and a typed filter over `alias`, as one condition: what every aggregate,
 * view and export over an entity selects (the rows the actor could list).
 */
export function scopedFilterToSql(
  meta: EntityMetadata,
  alias: string,
  filter: Record<string, any> | null | undefined,
  params: SqlParams,
): string {
  return [readScopeOf(meta, alias, params), filterToSql(meta, alias, filter, params)]
    .filter(Boolean)
    .map((c) => `(${c})`)
    .join(' AND ');
}

function column(meta: EntityMetadata, prop: string): ColumnMetadata {
  const col = meta.findColumnWithPropertyName(prop);
  if (!col) throw new Error(`${meta.name} has no column ${prop}`);
  return col;
}

function operatorsToSql(
  col: ColumnMetadata,
  ref: string,
  ops: Record<string, any>,
  params: SqlParams,
  path: string,
): string[] {
  const value = (v: unknown, at: string) => {
    if (!isIntColumn(col) || typeof v === 'number') return v;
    // An ID filter: the value must be a row id, else no row could match and PostgreSQL would fail.
    const id = parseId(v);
    if (id === null)
      throw invalidInput([{ field: at, reason: 'INVALID_ID', message: `"${v}" is not an ID` }]);
    return id;
  };
  // PGlite cannot serialise arrays of a custom enum type: send text[] and cast on the server.
  const list = (vs: unknown[], at: string) => {
    const p = params.add(vs.map((v, i) => value(v, `${at}.${i}`)));
    if (col.type === 'enum') return `${p}::text[]::${quoteIdent(col.enumName!)}[]`;
    return isIntColumn(col) ? `${p}::int8[]` : p;
  };
  // Compare integer columns (smallint too) with 64-bit parameters: a GraphQL Int beyond the column's
  // range then simply matches nothing instead of failing the statement.
  const cast = isIntColumn(col) ? '::int8' : '';
  const scalar = (v: unknown, at: string) => `${params.add(value(v, at))}${cast}`;
  const out: string[] = [];
  for (const [op, v] of Object.entries(ops)) {
    if (v === undefined || v === null) continue;
    const at = `${path}.${op}`;
    if (Array.isArray(v) && v.length > FILTER_LIMITS.list) throw tooMany(at);
    if ([v].flat().some((x) => typeof x === 'string' && x.length > FILTER_LIMITS.text))
      throw tooLong(at, FILTER_LIMITS.text);
    switch (op) {
      case 'eq':
        out.push(`${ref} = ${scalar(v, at)}`);
        break;
      case 'ne':
        out.push(`${ref} IS DISTINCT FROM ${scalar(v, at)}`);
        break;
      case 'in':
        out.push(`${ref} = ANY(${list(v, at)})`);
        break;
      case 'notIn':
        out.push(`NOT COALESCE(${ref} = ANY(${list(v, at)}), FALSE)`);
        break;
      case 'lt':
        out.push(`${ref} < ${scalar(v, at)}`);
        break;
      case 'lte':
        out.push(`${ref} <= ${scalar(v, at)}`);
        break;
      case 'gt':
        out.push(`${ref} > ${scalar(v, at)}`);
        break;
      case 'gte':
        out.push(`${ref} >= ${scalar(v, at)}`);
        break;
      case 'contains':
        out.push(`${ref} ILIKE ${params.add(`%${escapeLike(v)}%`)}`);
        break;
      case 'startsWith':
        out.push(`${ref} ILIKE ${params.add(`${escapeLike(v)}%`)}`);
        break;
      case 'isNull':
        out.push(v ? `${ref} IS NULL` : `${ref} IS NOT NULL`);
        break;
      // Array columns (a case's risk types): holds the value / any of the values / all of them.
      case 'has':
        out.push(`${params.add(v)} = ANY(${ref})`);
        break;
      case 'hasAny':
        out.push(`${ref} && ${params.add(v)}::text[]`);
        break;
      case 'hasAll':
        out.push(`${ref} @> ${params.add(v)}::text[]`);
        break;
      default:
        throw new Error(`unknown filter operator ${op}`);
    }
  }
  return out;
}

/** `ORDER BY` items for sort keys (ASC NULLS LAST / DESC NULLS FIRST, matching default b-tree order). */
export function orderToSql(meta: EntityMetadata, alias: string, keys: OrderKey[]): string {
  return keys
    .map((k) => {
      const ref = columnRef(alias, column(meta, k.field));
      return k.direction === OrderDirection.DESC ? `${ref} DESC NULLS FIRST` : `${ref} ASC NULLS LAST`;
    })
    .join(', ');
}

/** Keyset condition "row sorts after these key values" for `after` cursors, nulls handled per direction. */
export function afterToSql(
  meta: EntityMetadata,
  alias: string,
  keys: OrderKey[],
  values: unknown[],
  params: SqlParams,
): string {
  const ors: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      const ref = columnRef(alias, column(meta, keys[j].field));
      ands.push(values[j] === null ? `${ref} IS NULL` : `${ref} = ${params.add(values[j])}`);
    }
    const ref = columnRef(alias, column(meta, keys[i].field));
    const v = values[i];
    if (keys[i].direction === OrderDirection.ASC) {
      if (v === null) continue;
      ands.push(`(${ref} > ${params.add(v)} OR ${ref} IS NULL)`);
    } else {
      ands.push(v === null ? `${ref} IS NOT NULL` : `${ref} < ${params.add(v)}`);
    }
    ors.push(`(${ands.join(' AND ')})`);
  }
  return ors.length ? `(${ors.join(' OR ')})` : 'FALSE';
}
