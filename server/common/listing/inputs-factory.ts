import {
  ArgsType,
  ClassType,
  Field,
  getMetadataStorage,
  InputType,
  Int,
  registerEnumType,
} from 'type-graphql';
import { OrderBy, OrderKey } from './connection';
import { registerSearch } from './sql-builder';

/** Description of a field of an object type, as declared on the entity (`@Field({ description })`). */
function describe(entity: Function, field: string): string {
  const meta = getMetadataStorage().fields.find((f) => f.target === entity && f.name === field);
  return meta?.description ?? field;
}

/**
 * Builds `<Entity>Filter`: one typed filter per listed field, relation filters (lazy, for cycles),
 * `and`/`or`/`not` and `q` (text search over `search` fields).
 */
export function filterType(
  entity: Function,
  fields: Record<string, ClassType>,
  relations: Record<string, () => ClassType> = {},
  search: string[] = [],
): ClassType<Record<string, any>> {
  const name = `${entity.name}Filter`;
  @InputType(name, { description: `Filter of ${entity.name} lists; all given conditions must hold.` })
  class Filter {}
  const proto = Filter.prototype;
  for (const [field, type] of Object.entries(fields)) {
    Field(() => type, { nullable: true, description: describe(entity, field) })(proto, field);
  }
  for (const [field, type] of Object.entries(relations)) {
    Field(type, {
      nullable: true,
      description: `Related rows: ${describe(entity, field)} (matches when any related row matches)`,
    })(proto, field);
  }
  Field(() => [Filter], { nullable: true, description: 'All of these filters' })(proto, 'and');
  Field(() => [Filter], { nullable: true, description: 'Any of these filters' })(proto, 'or');
  Field(() => Filter, { nullable: true, description: 'Not this filter' })(proto, 'not');
  if (search.length) {
    Field(() => String, {
      nullable: true,
      description: `Text search (case-insensitive substring) in: ${search.join(', ')}`,
    })(proto, 'q');
    registerSearch(entity, search);
  }
  return Filter;
}

/**
 * Builds the `<Entity>OrderField` enum (values are entity properties) and the `<Entity>OrderBy` input.
 */
export function orderType(entity: Function, fields: string[]) {
  const values: Record<string, string> = {};
  const valuesConfig: Record<string, { description: string }> = {};
  for (const f of ['id', ...fields]) {
    const key = f.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
    values[key] = f;
    valuesConfig[key] = { description: describe(entity, f) };
  }
  registerEnumType(values, {
    name: `${entity.name}OrderField`,
    description: `Sortable fields of ${entity.name}. Enum fields sort in their declared order.`,
    valuesConfig,
  });
  return OrderBy(values, entity.name);
}

/** Arguments of a list of an entity, at the top level and on relation fields alike. */
export interface ListArgsShape {
  filter?: Record<string, any> | null;
  orderBy?: OrderKey[] | null;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** Builds `<Entity>ListArgs` = filter, orderBy, first (≤ 500, default 50), after, offset. */
export function listArgsType(
  entity: Function,
  filter: ClassType,
  orderBy: ClassType,
): ClassType<ListArgsShape> {
  @ArgsType()
  class ListArgs {
    @Field(() => filter, { nullable: true, description: 'Conditions rows must meet' })
    filter?: Record<string, any>;
    @Field(() => [orderBy], { nullable: true, description: 'Sort keys in order; id is the final tiebreaker' })
    orderBy?: OrderKey[];
    @Field(() => Int, { nullable: true, description: 'Page size: default 50, at most 500' })
    first?: number;
    @Field(() => String, { nullable: true, description: 'Cursor: rows after this one (pageInfo.endCursor)' })
    after?: string;
    @Field(() => Int, { nullable: true, description: 'Rows to skip (after the cursor, if any)' })
    offset?: number;
  }
  Object.defineProperty(ListArgs, 'name', { value: `${entity.name}ListArgs` });
  return ListArgs;
}
