import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
} from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import { Department } from '../modules/department/department.entity';
import { Township } from '../modules/township/township.entity';
import { Village } from '../modules/village/village.entity';
import { Role } from './actor';

/**
 * 用户: a person who signs in to the console or the API. The role's scope is its township
 * (TOWNSHIP_OFFICER), village (VILLAGE_CADRE) or department (DEPARTMENT_OFFICER).
 */
@ObjectType({ description: 'User account. 用户' })
@Entity()
@Unique('uq_app_user__username', ['username'])
export class AppUser extends BaseRecord {
  @Field({ description: 'Sign-in name: 3–40 letters, digits, `._-`. 用户名' })
  @Column({ type: 'varchar', length: 40 })
  username: string;

  @Field({ description: 'Name shown and recorded on workflow steps. 姓名' })
  @Column({ type: 'varchar', length: 50 })
  displayName: string;

  @Field(() => Role, { description: 'Role. 角色' })
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Township of a TOWNSHIP_OFFICER. 所属乡镇' })
  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Township, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_app_user__township_id' })
  township?: Relation<Township>;

  @Field(() => ID, { nullable: true, description: 'Village of a VILLAGE_CADRE. 所属村' })
  @Column({ type: 'int', nullable: true })
  villageId: number | null;

  @ManyToOne(() => Village, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_app_user__village_id' })
  village?: Relation<Village>;

  @Field(() => ID, { nullable: true, description: 'Department of a DEPARTMENT_OFFICER. 所属单位' })
  @Column({ type: 'int', nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_app_user__department_id' })
  department?: Relation<Department>;

  /** argon2id PHC string. Never exposed. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Field({ description: 'Must change the password before anything else (first sign-in, reset). 须修改密码' })
  @Column({ default: true })
  mustChangePassword: boolean;

  @Field({ description: 'Disabled accounts cannot sign in. 已停用' })
  @Column({ default: false })
  disabled: boolean;

  /** Failed sign-ins in a row; 5 lock the account for 15 minutes. */
  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Field(() => Date, { nullable: true, description: 'Locked until (too many failed sign-ins). 锁定至' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in. 最近登录' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastLoginAt: Date | null;
}

/**
 * A server-side session: the client holds an opaque token, the database only its SHA-256, so any
 * instance can check it and logout revokes it at once.
 */
@Entity()
@Unique('uq_user_session__token_hash', ['tokenHash'])
export class UserSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_user_session__user_id')
  @Column()
  userId: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_session__user_id' })
  user?: Relation<AppUser>;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;
}

/** API密钥: read-only access for a dashboard; shown once, stored as a SHA-256 hash. */
@ObjectType({ description: 'API key of a dashboard (read-only, no personal fields). API密钥' })
@Entity()
@Unique('uq_api_key__key_hash', ['keyHash'])
export class ApiKey {
  @Field(() => ID, { description: 'Row ID' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'What it is for. 名称' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field({ description: 'First characters of the key, to recognise it (`bk_ab12…`). 密钥前缀' })
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ type: 'char', length: 64 })
  keyHash: string;

  @Field(() => ID, { nullable: true, description: 'Limits it to one township. 限定乡镇' })
  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Township, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_api_key__township_id' })
  township?: Relation<Township>;

  @Field(() => ID, { description: 'Created by (user ID). 创建人' })
  @Column()
  createdById: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_api_key__created_by_id' })
  createdBy?: Relation<AppUser>;

  @Field(() => Date, { description: 'Created at. 创建时间' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Revoked at; a revoked key is refused. 吊销时间' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Requests per minute this key may make (429 beyond, with Retry-After); null: API_KEY_RATE_LIMIT. 每分钟请求上限',
  })
  @Column({ type: 'int', nullable: true })
  rateLimitPerMinute: number | null;

  @Field(() => Date, { nullable: true, description: 'Last used at (to the minute). 最近使用' })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt: Date | null;
}

/**
 * 审计日志: one event per write, sign-in, reveal and export. Append-only: the database refuses
 * UPDATE, DELETE and TRUNCATE on it (trigger `audit_event_append_only`).
 */
@ObjectType({ description: 'Audit event (append-only). 审计日志' })
@Entity()
export class AuditEvent {
  @Field(() => ID, { description: 'Row ID' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Field(() => Date, { description: 'When (UTC). 时间' })
  @Index('ix_audit_event__at')
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field({ description: 'USER, API_KEY, ANONYMOUS or SYSTEM. 操作者类型' })
  @Column({ type: 'varchar', length: 10 })
  actorKind: string;

  @Field(() => ID, { nullable: true, description: 'User or API key ID. 操作者ID' })
  @Index('ix_audit_event__actor_id')
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Username or key name (for failed sign-ins: the name tried). 操作者' })
  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  @Field(() => String, { nullable: true, description: 'Role at the time. 角色' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  role: string | null;

  @Field({
    description:
      'Mutation or event: createHousehold, login, loginFailed, lockout, revealIdNumber, export… 操作',
  })
  @Index('ix_audit_event__operation')
  @Column({ type: 'varchar', length: 60 })
  operation: string;

  @Field(() => String, { nullable: true, description: 'Entity type. 对象类型' })
  @Index('ix_audit_event__entity')
  @Column({ type: 'varchar', length: 60, nullable: true })
  entity: string | null;

  @Field(() => String, { nullable: true, description: 'Entity ID. 对象ID' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  entityId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The row before, JSON, personal fields redacted. 修改前',
  })
  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'The row after, JSON, personal fields redacted. 修改后',
  })
  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Field(() => String, { nullable: true, description: 'Request ID (X-Request-Id). 请求ID' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Client address. 客户端地址' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientAddress: string | null;
}
