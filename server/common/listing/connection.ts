import { ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction. 排序方向',
  valuesConfig: {
    ASC: { description: 'Ascending, nulls last. 升序' },
    DESC: { description: 'Descending, nulls first. 降序' },
  },
});

@ObjectType({ description: 'Where a page ends. 分页信息' })
export class PageInfo {
  @Field({ description: 'More rows follow this page' })
  hasNextPage: boolean;
  @Field({ description: 'Rows precede this page (an `after` cursor or `offset` was given)' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first row; null on an empty page' })
  startCursor: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last row: pass it as `after` for the next page',
  })
  endCursor: string | null;
}

/** One page of rows and where it ends. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * What a connection field resolves to: the page and the total, each fetched only if selected (a
 * `totalCount`-only query runs no page query; a page-only query runs no count).
 */
export interface PageSource<T> {
  page(): Promise<Page<T>>;
  count(): Promise<number>;
}

/** `XConnection { nodes, totalCount, pageInfo }` for an object type, resolved lazily from a PageSource. */
export function Connection<T extends object>(node: ClassType<T>, label: string) {
  @ObjectType(`${node.name}Connection`, { description: `A page of ${node.name} rows (${label}列表).` })
  class ConnectionType {
    private loaded?: Promise<Page<T>>;

    constructor(private readonly source: PageSource<T>) {}

    private load(): Promise<Page<T>> {
      return (this.loaded ??= this.source.page());
    }

    @Field(() => [node], { description: 'The rows of this page, in `orderBy` order' })
    async nodes(): Promise<T[]> {
      return (await this.load()).nodes;
    }

    @Field(() => PageInfo, { description: 'Cursors of this page' })
    async pageInfo(): Promise<PageInfo> {
      return (await this.load()).pageInfo;
    }

    @Field(() => Int, {
      description: 'Rows matching the filter, all pages together (counted only when selected)',
    })
    totalCount(): Promise<number> {
      return this.source.count();
    }
  }
  return ConnectionType;
}

/** `XOrderBy { field: XOrderField!, direction: OrderDirection = ASC }`. */
export function OrderBy<F extends object>(fieldEnum: F, entityName: string) {
  @InputType(`${entityName}OrderBy`, { description: `One sort key of ${entityName} lists.` })
  class OrderByInput {
    @Field(() => fieldEnum, { description: 'Field to sort on' })
    field: string;
    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction, default ASC' })
    direction: OrderDirection;
  }
  return OrderByInput;
}

/** A sort key as the list machinery sees it: an entity property and a direction. */
export interface OrderKey {
  field: string;
  direction: OrderDirection;
}

/** Pagination arguments shared by every list (README: the API in brief). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}
