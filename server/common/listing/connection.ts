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

/** A page of rows plus a lazily counted total (the count runs only when `totalCount` is selected). */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

export interface ConnectionShape<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** `XConnection { nodes, totalCount, pageInfo }` for an object type. */
export function Connection<T extends object>(node: ClassType<T>, label: string) {
  @ObjectType(`${node.name}Connection`, { description: `A page of ${node.name} rows (${label}列表).` })
  class ConnectionType implements ConnectionShape<T> {
    constructor(page: Page<T>) {
      this.nodes = page.nodes;
      this.pageInfo = page.pageInfo;
      this.counter = page.count;
    }
    private counter: () => Promise<number>;

    @Field(() => [node], { description: 'The rows of this page, in `orderBy` order' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Cursors of this page' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: 'Rows matching the filter, all pages together (counted only when selected)',
    })
    totalCount(): Promise<number> {
      return this.counter();
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

/** Pagination arguments shared by every list (DESIGN §4). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}
