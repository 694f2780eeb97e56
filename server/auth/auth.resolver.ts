import { getNamedType, getNullableType, GraphQLList, type GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import type { Context } from '../app/context';
import { ReadResolver } from '../common/crud/crud.resolver';
import { FreshReads } from '../common/crud/fresh-reads';
import { AppError } from '../common/errors';
import type { ListArgsShape } from '../common/listing/inputs-factory';
import { OrderDirection } from '../common/listing/connection';
import { currentActor } from './actor';
import { appendAudit } from './audit';
import { authorize } from './permissions';
import { ApiKey, AppUser, AuditEvent } from './auth.entities';
import {
  ApiKeyConnection,
  ApiKeyListArgs,
  ApiKeyWithSecret,
  AppUserConnection,
  AppUserListArgs,
  AuditEventConnection,
  AuditEventListArgs,
  ChangePasswordInput,
  CreateApiKeyInput,
  CreateUserInput,
  LoginInput,
  LoginResult,
  UpdateUserInput,
  UserWithPassword,
} from './auth.inputs';

/** Name of the console's session cookie (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'baiyin_session';

@Resolver(() => AppUser)
export class AuthResolver extends ReadResolver({
  entity: AppUser,
  connection: AppUserConnection,
  listArgs: AppUserListArgs,
  singular: 'user',
  plural: 'users',
  label: '用户',
  service: (ctx) => ctx.services.auth,
}) {
  @Mutation(() => LoginResult, {
    description:
      'Signs in (登录). Sets the HttpOnly session cookie for the console and returns the token for API clients. ' +
      'UNAUTHENTICATED/INVALID_CREDENTIALS; UNAUTHENTICATED/ACCOUNT_LOCKED after 5 failures in a row (15 minutes). Rate-limited per client address.',
  })
  async login(
    @Arg('input', () => LoginInput, { description: 'Username and password' }) input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const { token, actor } = await ctx.services.auth.login(input.username, input.password, currentActor());
    ctx.setCookie?.(SESSION_COOKIE, token);
    const user = await ctx.services.auth.findById(ctx.loaders, String(actor.id));
    return { token, user: user!, idleTimeoutMinutes: ctx.config.sessionIdleMinutes };
  }

  @Mutation(() => Boolean, { description: 'Signs out: the session is revoked at once (退出登录).' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.auth.logout(currentActor());
    ctx.setCookie?.(SESSION_COOKIE, null);
    return true;
  }

  @Query(() => AppUser, { description: 'The signed-in user (当前用户).' })
  async me(@Ctx() ctx: Context): Promise<AppUser> {
    const user = await ctx.services.auth.findById(ctx.loaders, String(currentActor().id));
    if (!user) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first');
    return user;
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => AppUser, {
    description:
      'Changes the own password (修改密码); required after a one-time password. BAD_USER_INPUT/WRONG_PASSWORD, ' +
      'PASSWORD_LENGTH, PASSWORD_TOO_SIMPLE, PASSWORD_CONTAINS_USERNAME, PASSWORD_TOO_COMMON. Other sessions of the user end.',
  })
  changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Current and new password' })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auth.changePassword(currentActor(), input.currentPassword, input.newPassword);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => UserWithPassword, {
    description:
      'Creates a user with a one-time password shown once (新增用户). CONFLICT/DUPLICATE for a taken username.',
  })
  createUser(
    @Arg('input', () => CreateUserInput, { description: 'The new user' }) input: CreateUserInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auth.createUser(input);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => AppUser, { description: 'Changes a user’s name, role, scope or disabled flag (修改用户).' })
  updateUser(
    @Arg('id', () => ID, { description: 'User ID' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'Fields to change' }) input: object,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the client read' })
    expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auth.updateUser(id, input, expectedVersion);
  }

  @UseMiddleware(FreshReads)
  @Mutation(() => UserWithPassword, {
    description: 'Gives a user a new one-time password, unlocks it and ends its sessions (重置密码).',
  })
  resetUserPassword(@Arg('id', () => ID, { description: 'User ID' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.auth.resetPassword(id);
  }

  @Query(() => ApiKeyConnection, {
    description: 'API keys of dashboards (API密钥), newest first by default.',
  })
  apiKeys(
    @Args(() => ApiKeyListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const orderBy = args.orderBy ?? [{ field: 'createdAt', direction: OrderDirection.DESC }];
    return new ApiKeyConnection(ctx.services.apiKey.list({ ...args, orderBy }, info));
  }

  @Mutation(() => ApiKeyWithSecret, {
    description:
      'Creates a read-only API key, optionally limited to one township; the secret is shown once (新增API密钥).',
  })
  createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'Name and optional township' })
    input: CreateApiKeyInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auth.createApiKey(input);
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes an API key at once (吊销API密钥). NOT_FOUND for an unknown key.',
  })
  revokeApiKey(@Arg('id', () => ID, { description: 'API key ID' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.auth.revokeApiKey(id);
  }

  @Query(() => AuditEventConnection, {
    description:
      'The audit trail (审计日志), newest first by default; filter by actor, operation, entity, time.',
  })
  auditEvents(
    @Args(() => AuditEventListArgs, { validate: false }) args: ListArgsShape,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const orderBy = args.orderBy ?? [{ field: 'at', direction: OrderDirection.DESC }];
    return new AuditEventConnection(ctx.services.audit.list({ ...args, orderBy }, info));
  }

  @Mutation(() => String, {
    description:
      'The full ID number of one member (查看完整身份证号), audited. NOT_FOUND for a member out of scope. Area roles only.',
  })
  async revealIdNumber(
    @Arg('memberId', () => ID, { description: 'Household member ID' }) memberId: string,
    @Ctx() ctx: Context,
  ) {
    const member = await ctx.services.householdMember.findById(ctx.loaders, memberId);
    if (!member)
      throw new AppError('NOT_FOUND', 'HOUSEHOLD_MEMBER_NOT_FOUND', `HouseholdMember ${memberId} not found`);
    await appendAudit(ctx.services.db, {
      operation: 'revealIdNumber',
      entity: 'HouseholdMember',
      entityId: member.id,
    });
    return member.idNumber;
  }

  @Mutation(() => Boolean, {
    description:
      'Records an export in the audit trail (导出记录): the console calls it before writing a file. `resource` is the list, `rows` how many. ' +
      'BAD_USER_INPUT/UNKNOWN_LIST when `resource` is not a list root field of Query, FORBIDDEN/ROLE_NOT_ALLOWED when the caller may not read it (server/auth/permissions.ts), ' +
      'BAD_USER_INPUT/OUT_OF_RANGE when `rows` is not 0–1,000,000.',
  })
  async recordExport(
    @Arg('resource', {
      description: 'The list exported: a list root field of Query the caller may read, e.g. households',
    })
    resource: string,
    @Arg('rows', () => Int, { description: 'Rows exported, 0–1,000,000' }) rows: number,
    @Arg('filter', () => String, { nullable: true, description: 'The filter, as JSON' })
    filter: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    // A list is a root field of Query returning a connection or a list (the console's resources, the ledger).
    const field = /^[A-Za-z]{1,60}$/.test(resource)
      ? info.schema.getQueryType()?.getFields()[resource]
      : undefined;
    const type = field && getNullableType(field.type);
    const isList =
      type instanceof GraphQLList || (type !== undefined && getNamedType(type).name.endsWith('Connection'));
    if (!isList)
      throw new AppError('BAD_USER_INPUT', 'UNKNOWN_LIST', 'resource: not a list of the API', [
        {
          field: 'resource',
          reason: 'UNKNOWN_LIST',
          message: 'the name of a list root field, e.g. households',
        },
      ]);
    authorize(resource, currentActor());
    if (!Number.isInteger(rows) || rows < 0 || rows > EXPORT_MAX_ROWS)
      throw new AppError('BAD_USER_INPUT', 'OUT_OF_RANGE', `rows: 0–${EXPORT_MAX_ROWS}`, [
        { field: 'rows', reason: 'OUT_OF_RANGE', message: `0 to ${EXPORT_MAX_ROWS}` },
      ]);
    // The filter's fields only: its values may be personal data (an ID number searched for).
    let fields: string[] = [];
    try {
      const parsed = filter ? JSON.parse(filter) : {};
      if (parsed && typeof parsed === 'object')
        fields = Object.keys(parsed)
          .slice(0, 50)
          .map((k) => k.slice(0, 60));
    } catch {
      fields = ['(unreadable)'];
    }
    await appendAudit(ctx.services.db, {
      operation: 'export',
      entity: resource,
      after: { rows, filterFields: fields },
    });
    return true;
  }
}

/** Most rows one recorded export may claim (work plan, issue #11's invariants). */
const EXPORT_MAX_ROWS = 1_000_000;

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The row before, as JSON (personal fields redacted). 修改前',
  })
  before(@Root() e: AuditEvent) {
    return e.before === null || e.before === undefined ? null : JSON.stringify(e.before);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The row after, as JSON (personal fields redacted). 修改后',
  })
  after(@Root() e: AuditEvent) {
    return e.after === null || e.after === undefined ? null : JSON.stringify(e.after);
  }
}
