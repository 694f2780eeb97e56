import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Connection } from '../common/listing/connection';
import { BooleanFilter, DateTimeFilter, enumFilter, IDFilter, StringFilter } from '../common/listing/filters';
import { filterType, listArgsType, orderType } from '../common/listing/inputs-factory';
import { updateInputOf } from '../common/validation/update-input';
import { Role } from './actor';
import { ApiKey, AppUser, AuditEvent } from './auth.entities';

export const RoleFilter = enumFilter(Role, 'Role', '角色');

@InputType({ description: 'Sign-in. 登录' })
export class LoginInput {
  @Field({ description: 'Username. 用户名' })
  @Length(1, 40)
  username: string;

  @Field({ description: 'Password. 密码' })
  @Length(1, 128)
  password: string;
}

@ObjectType({ description: 'A successful sign-in. 登录结果' })
export class LoginResult {
  @Field({
    description:
      'Session token for API clients (`Authorization: Bearer <token>`); the console uses the HttpOnly cookie set with it. 会话令牌',
  })
  token: string;

  @Field(() => AppUser, { description: 'The signed-in user. 当前用户' })
  user: AppUser;

  @Field(() => Int, { description: 'Minutes without a request before the session expires. 空闲超时(分钟)' })
  idleTimeoutMinutes: number;
}

@InputType({ description: 'Password change. 修改密码' })
export class ChangePasswordInput {
  @Field({ description: 'Current password. 原密码' })
  @Length(1, 128)
  currentPassword: string;

  @Field({ description: 'New password: 10–128 characters, three of lower/upper/digits/symbols. 新密码' })
  @Length(1, 128)
  newPassword: string;
}

/** The fields of a user an administrator sets. */
@InputType({ description: 'A user’s role and scope. 用户信息' })
export class UserFields {
  @Field({ description: 'Name shown and recorded on workflow steps. 姓名' })
  @Length(1, 50)
  displayName: string;

  @Field(() => Role, { description: 'Role. 角色' })
  role: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'Township: required for TOWNSHIP_OFFICER, else empty. 所属乡镇',
  })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Village: required for VILLAGE_CADRE, else empty. 所属村' })
  @IsOptional()
  villageId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Department: required for DEPARTMENT_OFFICER, else empty. 所属单位',
  })
  @IsOptional()
  departmentId?: string | null;

  @Field({ nullable: true, description: 'Disabled accounts cannot sign in (default false). 停用' })
  @IsOptional()
  disabled?: boolean;
}

@InputType({ description: 'A new user; a one-time password is returned once. 新增用户' })
export class CreateUserInput extends UserFields {
  @Field({ description: 'Sign-in name: 3–40 letters, digits, `._-`. 用户名' })
  @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'username: 3–40 letters, digits, . _ -' })
  username: string;
}

export const UpdateUserInput = updateInputOf(UserFields, 'UpdateUserInput', 'Changes to a user. 修改用户');

@ObjectType({ description: 'A user and its one-time password (shown once). 新用户与一次性密码' })
export class UserWithPassword {
  @Field(() => AppUser, { description: 'The user. 用户' })
  user: AppUser;

  @Field({ description: 'One-time password: must be changed at first sign-in; shown only now. 一次性密码' })
  oneTimePassword: string;
}

@InputType({ description: 'A new API key. 新增API密钥' })
export class CreateApiKeyInput {
  @Field({ description: 'What it is for (the dashboard). 名称' })
  @Length(1, 100)
  name: string;

  @Field(() => ID, { nullable: true, description: 'Limit it to one township. 限定乡镇' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests per minute, 1–100000; default API_KEY_RATE_LIMIT. 每分钟请求上限',
  })
  @IsOptional()
  @Min(1)
  @Max(100000)
  rateLimitPerMinute?: number | null;
}

@ObjectType({ description: 'A new API key and its secret (shown once). 新API密钥' })
export class ApiKeyWithSecret {
  @Field(() => ApiKey, { description: 'The key. 密钥' })
  apiKey: ApiKey;

  @Field({ description: 'The secret to send as `Authorization: Bearer <key>`; shown only now. 密钥' })
  key: string;
}

export const AppUserFilter = filterType(
  AppUser,
  {
    id: IDFilter,
    username: StringFilter,
    displayName: StringFilter,
    role: RoleFilter,
    townshipId: IDFilter,
    villageId: IDFilter,
    departmentId: IDFilter,
    disabled: BooleanFilter,
    createdAt: DateTimeFilter,
  },
  {},
  ['username', 'displayName'],
);
export const AppUserOrderBy = orderType(AppUser, [
  'username',
  'displayName',
  'role',
  'createdAt',
  'lastLoginAt',
]);
export const AppUserListArgs = listArgsType(AppUser, AppUserFilter, AppUserOrderBy);
export const AppUserConnection = Connection(AppUser, '用户');

export const ApiKeyFilter = filterType(
  ApiKey,
  { id: IDFilter, name: StringFilter, townshipId: IDFilter },
  {},
  ['name'],
);
export const ApiKeyOrderBy = orderType(ApiKey, ['name', 'createdAt', 'lastUsedAt']);
export const ApiKeyListArgs = listArgsType(ApiKey, ApiKeyFilter, ApiKeyOrderBy);
export const ApiKeyConnection = Connection(ApiKey, 'API密钥');

export const AuditEventFilter = filterType(
  AuditEvent,
  {
    id: IDFilter,
    at: DateTimeFilter,
    actorKind: StringFilter,
    actorId: IDFilter,
    actorName: StringFilter,
    role: StringFilter,
    operation: StringFilter,
    entity: StringFilter,
    entityId: StringFilter,
    requestId: StringFilter,
  },
  {},
  ['actorName', 'operation', 'entity'],
);
export const AuditEventOrderBy = orderType(AuditEvent, ['at', 'operation', 'entity', 'actorName']);
export const AuditEventListArgs = listArgsType(AuditEvent, AuditEventFilter, AuditEventOrderBy);
export const AuditEventConnection = Connection(AuditEvent, '审计日志');
