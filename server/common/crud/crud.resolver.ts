import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  ClassType,
  Ctx,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { FreshReads } from './fresh-reads';
import type { PageSource } from '../listing/connection';
import type { ListArgsShape } from '../listing/inputs-factory';
import type { CrudService, Versioned } from './crud.service';

/** What the generic read resolver needs to know about an entity. */
export interface ReadResolverOptions<T extends Versioned> {
  entity: ClassType<T>;
  connection: new (source: PageSource<T>) => unknown;
  listArgs: ClassType<ListArgsShape>;
  /** Field name of the single read, e.g. `village`; the list is `${plural}`. */
  singular: string;
  plural: string;
  /** Chinese term, used in descriptions. */
  label: string;
  service: (ctx: Context) => CrudService<T>;
}

/** What the generic read-and-write resolver needs. */
export interface CrudResolverOptions<T extends Versioned> extends ReadResolverOptions<T> {
  createInput: ClassType;
  updateInput: ClassType;
}

/**
 * The reads of README: the API in brief for one entity: `x(id)` and `xs(filter, orderBy, first, after, offset)`.
 * Entities written only through domain verbs (monitoring cases) use this alone.
 */
export function ReadResolver<T extends Versioned>(o: ReadResolverOptions<T>) {
  const Name = o.entity.name;

  @Resolver(() => o.entity)
  abstract class BaseReadResolver {
    @Query(() => o.entity, {
      name: o.singular,
      nullable: true,
      description: `One ${Name} (${o.label}) by ID; null when absent.`,
    })
    async one(
      @Arg('id', () => ID, { description: 'Row ID' }) id: string,
      @Ctx() ctx: Context,
    ): Promise<T | null> {
      return o.service(ctx).findById(ctx.loaders, id);
    }

    @Query(() => o.connection, {
      name: o.plural,
      description: `${Name} rows (${o.label}): filter, sort, cursor/offset pages of ≤ 500 (default 50).`,
    })
    async many(
      @Args(() => o.listArgs, { validate: false }) args: ListArgsShape,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      return new o.connection(o.service(ctx).list(args, info));
    }
  }
  return BaseReadResolver;
}

/**
 * The five standard operations of README: the API in brief for one entity: the reads above, `createX(input)`, `updateX(id, input, expectedVersion)`, `deleteX(id,
 * expectedVersion)`. A module's resolver extends this and adds its relation fields.
 */
export function CrudResolver<T extends Versioned>(o: CrudResolverOptions<T>) {
  const Name = o.entity.name;

  @Resolver(() => o.entity)
  abstract class BaseResolver extends ReadResolver(o) {
    @UseMiddleware(FreshReads)
    @Mutation(() => o.entity, {
      name: `create${Name}`,
      description:
        `Creates one ${Name} (新增${o.label}). BAD_USER_INPUT lists the invalid fields (input shape is checked ` +
        'first, then the business rules); CONFLICT on duplicates.',
    })
    async create(
      @Arg('input', () => o.createInput, { description: 'Fields of the new row' }) input: object,
      @Ctx() ctx: Context,
    ): Promise<T> {
      return o.service(ctx).create(input);
    }

    @UseMiddleware(FreshReads)
    @Mutation(() => o.entity, {
      name: `update${Name}`,
      description:
        `Updates the given fields of one ${Name} (修改${o.label}). NOT_FOUND when absent; ` +
        'CONFLICT/STALE_VERSION when expectedVersion is not the current version.',
    })
    async update(
      @Arg('id', () => ID, { description: 'Row ID' }) id: string,
      @Arg('input', () => o.updateInput, { description: 'Fields to change; omitted fields stay' })
      input: object,
      @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the client read' })
      expectedVersion: number | null,
      @Ctx() ctx: Context,
    ): Promise<T> {
      return o.service(ctx).update(id, input, expectedVersion);
    }

    @UseMiddleware(FreshReads)
    @Mutation(() => ID, {
      name: `delete${Name}`,
      description: `Deletes one ${Name} (删除${o.label}) and returns its ID. CONFLICT/IN_USE while other rows refer to it.`,
    })
    async remove(
      @Arg('id', () => ID, { description: 'Row ID' }) id: string,
      @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the client read' })
      expectedVersion: number | null,
      @Ctx() ctx: Context,
    ): Promise<string> {
      return o.service(ctx).delete(id, expectedVersion);
    }
  }
  return BaseResolver;
}
