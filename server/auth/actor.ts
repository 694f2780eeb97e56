import { AsyncLocalStorage } from 'node:async_hooks';
import { defineEnum } from '../common/enums';

/** Roles of README: accounts, roles and personal data. API keys are not users: they act as `API_KEY`. */
export enum Role {
  ADMIN = 'ADMIN',
  DISTRICT_OFFICER = 'DISTRICT_OFFICER',
  TOWNSHIP_OFFICER = 'TOWNSHIP_OFFICER',
  VILLAGE_CADRE = 'VILLAGE_CADRE',
  DEPARTMENT_OFFICER = 'DEPARTMENT_OFFICER',
  AUDITOR = 'AUDITOR',
}
defineEnum(Role, 'Role', 'Role of a user account (README: accounts, roles and personal data). 角色', {
  ADMIN: '系统管理员',
  DISTRICT_OFFICER: '区级工作人员',
  TOWNSHIP_OFFICER: '乡镇（街道）工作人员',
  VILLAGE_CADRE: '村（社区）干部',
  DEPARTMENT_OFFICER: '行业部门工作人员',
  AUDITOR: '审计人员',
});

/**
 * The area an actor may see: the whole district, one township (its villages), or one village.
 * Rows outside it are treated as absent everywhere (README: accounts, roles and personal data).
 */
export type Area =
  | { level: 'DISTRICT' }
  | { level: 'TOWNSHIP'; townshipId: number }
  | { level: 'VILLAGE'; townshipId: number; villageId: number };

/** Who makes a request: a signed-in user, an API key, nobody, or the system itself (seed, CLI). */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'ANONYMOUS' | 'SYSTEM';
  /** User or API key row id. */
  id: number | null;
  /** Username, API key name, `anonymous` or `system`. */
  name: string;
  /** Shown in the console and recorded on workflow steps (线索登记人, 审定人, …). */
  displayName: string;
  role: Role | 'API_KEY' | null;
  area: Area;
  /** DEPARTMENT_OFFICER: the department whose measures and assets it writes. */
  departmentId: number | null;
  /** The session (users) — logout revokes it. */
  sessionId: number | null;
  /** A first-login or reset password must be changed before anything else. */
  mustChangePassword: boolean;
  /** Client address and request id, for the audit trail. */
  clientAddress: string | null;
  requestId: string | null;
  /** The mutation being run (set by the access middleware), recorded as the audit operation. */
  operation: string | null;
  /** API keys: requests per minute (the key's own limit or API_KEY_RATE_LIMIT). */
  rateLimitPerMinute?: number;
}

export const SYSTEM: Actor = {
  kind: 'SYSTEM',
  id: null,
  name: 'system',
  displayName: '系统',
  role: null,
  area: { level: 'DISTRICT' },
  departmentId: null,
  sessionId: null,
  mustChangePassword: false,
  clientAddress: null,
  requestId: null,
  operation: null,
};

export function anonymous(clientAddress: string | null, requestId: string | null): Actor {
  return { ...SYSTEM, kind: 'ANONYMOUS', name: 'anonymous', displayName: '未登录', clientAddress, requestId };
}

const storage = new AsyncLocalStorage<Actor>();

/** Runs `fn` as `actor`: every read and write under it is scoped and audited as that actor. */
export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** The actor of the current request; SYSTEM outside any request (seed, migrations, CLI). */
export function currentActor(): Actor {
  return storage.getStore() ?? SYSTEM;
}

/**
 * Whether the actor may see personal fields (names, phone numbers, addresses) of rows in its area:
 * the area roles and the administrator. Department officers and API keys see them masked; ID
 * numbers are masked for everyone and revealed one at a time (`revealIdNumber`, audited).
 */
export function seesPersonalData(actor: Actor): boolean {
  return (
    actor.kind === 'SYSTEM' ||
    actor.role === Role.ADMIN ||
    actor.role === Role.DISTRICT_OFFICER ||
    actor.role === Role.TOWNSHIP_OFFICER ||
    actor.role === Role.VILLAGE_CADRE
  );
}
