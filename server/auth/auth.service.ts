import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { CrudService } from '../common/crud/crud.service';
import { AppError, FieldErrors, invalidInput } from '../common/errors';
import { logger } from '../common/logger';
import { hydrate } from '../common/listing/lister';
import { parseId } from '../common/listing/sql-builder';
import type { Database } from '../database/database';
import { Actor, Area, currentActor, Role } from './actor';
import { appendAudit } from './audit';
import { ApiKey, AppUser, AuditEvent } from './auth.entities';
import type { CreateApiKeyInput, CreateUserInput, UserFields } from './auth.inputs';
import { hashPassword, oneTimePassword, passwordProblems, verifyDecoy, verifyPassword } from './passwords';

/** Failed sign-ins in a row that lock an account, and for how long (README: accounts, roles and personal data). */
export const LOCKOUT = { failures: 5, minutes: 15 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Session tokens start `bs_`, API keys `bk_`; both are 32 random bytes, stored only as SHA-256. */
const newSecret = (prefix: 'bs_' | 'bk_') => `${prefix}${randomBytes(32).toString('base64url')}`;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  township_id: number | null;
  village_id: number | null;
  department_id: number | null;
  must_change_password: boolean;
}

/**
 * Accounts, sessions and API keys. Sessions are server-side (a row per sign-in holding the SHA-256
 * of an opaque token), so any instance can check them and logout revokes at once; they expire after
 * `sessionIdleMinutes` without a request. Every sign-in, failure, lockout and account change is
 * audited.
 */
export class AuthService extends CrudService<AppUser> {
  protected readonly entity = AppUser;

  constructor(
    db: Database,
    private readonly config: AppConfig,
  ) {
    super(db);
  }

  /** The area of a user's role: its township or village; the district for the others. */
  private async areaOf(row: {
    role: string;
    township_id: number | null;
    village_id: number | null;
    /** The cadre's village's township, when the query that read the user already joined it. */
    village_township_id?: number | null;
  }): Promise<Area> {
    if (row.role === Role.TOWNSHIP_OFFICER && row.township_id !== null)
      return { level: 'TOWNSHIP', townshipId: row.township_id };
    if (row.role === Role.VILLAGE_CADRE && row.village_id !== null) {
      const townshipId =
        row.village_township_id ??
        (await this.db.query('SELECT township_id FROM village WHERE id = $1', [row.village_id]))[0]
          .township_id;
      return { level: 'VILLAGE', villageId: row.village_id, townshipId };
    }
    return { level: 'DISTRICT' };
  }

  private async actorOf(u: UserRow, sessionId: number | null, base: Actor): Promise<Actor> {
    return {
      ...base,
      kind: 'USER',
      id: u.id,
      name: u.username,
      displayName: u.display_name,
      role: u.role,
      area: await this.areaOf(u),
      departmentId: u.role === Role.DEPARTMENT_OFFICER ? u.department_id : null,
      sessionId,
      mustChangePassword: u.must_change_password,
    };
  }

  /** The actor of a user without a session (tests, scripts); null for an unknown user. */
  async actorForUser(userId: number, base: Actor): Promise<Actor | null> {
    const [u] = await this.db.query('SELECT * FROM app_user WHERE id = $1', [userId]);
    return u ? this.actorOf(u, null, base) : null;
  }

  /**
   * Signs in: UNAUTHENTICATED/INVALID_CREDENTIALS for an unknown user, a wrong password or a disabled
   * account (the same answer, the same time); ACCOUNT_LOCKED after 5 failures in a row, for 15
   * minutes. Returns the session token and the actor it stands for.
   */
  async login(username: string, password: string, base: Actor): Promise<{ token: string; actor: Actor }> {
    const tried = { ...base, name: username.slice(0, 100) };
    const token = newSecret('bs_');
    // One transaction with the user row locked: parallel attempts are counted one after another, so
    // the fifth failure locks the account whatever the concurrency. Failures commit, then refuse.
    type Outcome =
      { kind: 'ok'; user: any; sessionId: number } | { kind: 'locked'; until: Date } | { kind: 'bad' };
    const outcome = await this.db.transaction(async (m): Promise<Outcome> => {
      const [u] = await m.query('SELECT * FROM app_user WHERE username = $1 FOR UPDATE', [username]);
      if (!u || u.disabled) {
        // A typed name that is no account is not kept (it may be a password typed in the wrong box).
        const who = u ? tried : { ...base, name: `(unknown, ${[...username].length} chars)` };
        // An unknown (or disabled) username fails, counts and locks exactly as an account does
        // (issue #11 fault 5): a counter row per username stands in for the account's columns.
        const key = `signin:${username.slice(0, 100).toLowerCase()}`;
        await m.query(
          `INSERT INTO rate_limit_counter (key, window_start, hits) VALUES ($1, now(), 0) ON CONFLICT (key) DO NOTHING`,
          [key],
        );
        const [c] = await m.query(
          'SELECT hits, blocked_until FROM rate_limit_counter WHERE key = $1 FOR UPDATE',
          [key],
        );
        if (c.blocked_until && new Date(c.blocked_until) > new Date()) {
          await appendAudit(
            m,
            { operation: 'loginFailed', entity: 'AppUser', entityId: u?.id ?? null, after: { locked: true } },
            who,
          );
          return { kind: 'locked', until: new Date(c.blocked_until) };
        }
        await verifyDecoy(password);
        await appendAudit(m, { operation: 'loginFailed', entity: 'AppUser', entityId: u?.id ?? null }, who);
        if (c.hits + 1 >= LOCKOUT.failures) {
          await m.query(
            `UPDATE rate_limit_counter SET hits = 0, blocked_until = now() + make_interval(mins => $2) WHERE key = $1`,
            [key, LOCKOUT.minutes],
          );
          await appendAudit(
            m,
            {
              operation: 'lockout',
              entity: 'AppUser',
              entityId: u?.id ?? null,
              after: { minutes: LOCKOUT.minutes },
            },
            who,
          );
        } else {
          await m.query('UPDATE rate_limit_counter SET hits = hits + 1 WHERE key = $1', [key]);
        }
        return { kind: 'bad' };
      }
      if (u.locked_until && new Date(u.locked_until) > new Date()) {
        await appendAudit(
          m,
          { operation: 'loginFailed', entity: 'AppUser', entityId: u.id, after: { locked: true } },
          tried,
        );
        return { kind: 'locked', until: new Date(u.locked_until) };
      }
      if (!(await verifyPassword(u.password_hash, password))) {
        const failures = u.failed_logins + 1;
        await appendAudit(m, { operation: 'loginFailed', entity: 'AppUser', entityId: u.id }, tried);
        if (failures >= LOCKOUT.failures) {
          await m.query(
            `UPDATE app_user SET failed_logins = 0, locked_until = now() + make_interval(mins => $2) WHERE id = $1`,
            [u.id, LOCKOUT.minutes],
          );
          await appendAudit(
            m,
            { operation: 'lockout', entity: 'AppUser', entityId: u.id, after: { minutes: LOCKOUT.minutes } },
            tried,
          );
        } else {
          await m.query('UPDATE app_user SET failed_logins = $2 WHERE id = $1', [u.id, failures]);
        }
        return { kind: 'bad' };
      }
      await m.query(
        'UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1',
        [u.id],
      );
      const [s] = await m.query(
        `INSERT INTO user_session (user_id, token_hash, last_seen_at, client_address) VALUES ($1, $2, now(), $3) RETURNING id`,
        [u.id, sha256(token), base.clientAddress],
      );
      await appendAudit(
        m,
        { operation: 'login', entity: 'AppUser', entityId: u.id },
        { ...tried, kind: 'USER', id: u.id, role: u.role },
      );
      return { kind: 'ok', user: u, sessionId: s.id as number };
    });
    if (outcome.kind === 'ok')
      return { token, actor: await this.actorOf(outcome.user, outcome.sessionId, base) };
    if (outcome.kind === 'locked')
      throw new AppError(
        'UNAUTHENTICATED',
        'ACCOUNT_LOCKED',
        `too many failed sign-ins: locked until ${outcome.until.toISOString()}`,
      );
    throw new AppError('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'wrong username or password');
  }

  /** Revokes the actor's session at once. */
  async logout(actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query('UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
        actor.sessionId,
      ]);
      await appendAudit(m, { operation: 'logout', entity: 'AppUser', entityId: actor.id }, actor);
    });
  }

  /**
   * The actor a token stands for: a live session (touching its last-seen time) or an unrevoked API
   * key; null when the token is unknown, revoked or expired (idle too long), or the user disabled.
   */
  async authenticate(token: string, base: Actor): Promise<Actor | null> {
    if (token.startsWith('bk_')) return this.authenticateKey(token, base);
    if (!token.startsWith('bs_')) return null;
    const [row] = await this.db.query(
      `SELECT s.id AS session_id, s.last_seen_at < now() - make_interval(mins => $2) AS expired,
              s.last_seen_at < now() - interval '30 seconds' AS stale, u.*, uv.township_id AS village_township_id
         FROM user_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN village uv ON uv.id = u.village_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND NOT u.disabled`,
      [sha256(token), this.config.sessionIdleMinutes],
    );
    if (!row) return null;
    if (row.expired) {
      await this.db.query('UPDATE user_session SET revoked_at = now() WHERE id = $1', [row.session_id]);
      return null;
    }
    if (row.stale)
      await this.db.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [row.session_id]);
    return this.actorOf(row, row.session_id, base);
  }

  private async authenticateKey(key: string, base: Actor): Promise<Actor | null> {
    const [k] = await this.db.query(
      `SELECT id, name, township_id, rate_limit_per_minute, last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS stale
         FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [sha256(key)],
    );
    if (!k) return null;
    if (k.stale) await this.db.query('UPDATE api_key SET last_used_at = now() WHERE id = $1', [k.id]);
    return {
      ...base,
      kind: 'API_KEY',
      id: k.id,
      name: k.name,
      displayName: k.name,
      role: 'API_KEY',
      area: k.township_id === null ? { level: 'DISTRICT' } : { level: 'TOWNSHIP', townshipId: k.township_id },
      rateLimitPerMinute: k.rate_limit_per_minute ?? this.config.apiKeyRateLimit,
    };
  }

  /** Changes the actor's password: the current one must match; the new one must meet the rules. */
  async changePassword(actor: Actor, current: string, next: string): Promise<AppUser> {
    const [u] = await this.db.query('SELECT * FROM app_user WHERE id = $1', [actor.id]);
    if (!(await verifyPassword(u.password_hash, current)))
      throw invalidInput([
        {
          field: 'input.currentPassword',
          reason: 'WRONG_PASSWORD',
          message: 'the current password is wrong',
        },
      ]);
    const problems = passwordProblems(next, u.username);
    if (next === current)
      problems.push({
        field: 'input.newPassword',
        reason: 'PASSWORD_UNCHANGED',
        message: 'choose a new password',
      });
    if (problems.length) throw invalidInput(problems);
    const hash = await hashPassword(next);
    return this.write('write', async (m) => {
      await this.lock(m, String(actor.id));
      await m.query(
        'UPDATE app_user SET password_hash = $2, must_change_password = false, version = version + 1, updated_at = now() WHERE id = $1',
        [actor.id, hash],
      );
      // Other sessions of this user end: whoever knew the old password is signed out.
      await m.query(
        'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL',
        [actor.id, actor.sessionId],
      );
      actor.mustChangePassword = false;
      return this.reload(m, actor.id!);
    });
  }

  /** Role and scope must agree: a township officer has a township, a cadre a village, … */
  private scopeErrors(v: {
    role: Role;
    townshipId: number | null;
    villageId: number | null;
    departmentId: number | null;
  }): FieldErrors {
    const errors = new FieldErrors();
    const need = {
      TOWNSHIP_OFFICER: 'townshipId',
      VILLAGE_CADRE: 'villageId',
      DEPARTMENT_OFFICER: 'departmentId',
    } as const;
    for (const field of ['townshipId', 'villageId', 'departmentId'] as const) {
      const required = (need as Record<string, string>)[v.role] === field;
      if (required && v[field] === null) errors.add(`input.${field}`, 'REQUIRED', `${v.role} needs ${field}`);
      if (!required && v[field] !== null)
        errors.add(`input.${field}`, 'NOT_ALLOWED', `${v.role} has no ${field}`);
    }
    return errors;
  }

  protected async check(u: AppUser): Promise<void> {
    this.scopeErrors(u).throwIfAny();
  }

  /** Creates a user with a one-time password (returned once; to be changed at first sign-in). */
  async createUser(input: CreateUserInput): Promise<{ user: AppUser; oneTimePassword: string }> {
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    const user = await this.create({ ...input, passwordHash: hash, mustChangePassword: true });
    return { user, oneTimePassword: password };
  }

  async updateUser(id: string, input: Partial<UserFields>, expectedVersion: number | null): Promise<AppUser> {
    const user = await this.update(id, input, expectedVersion);
    // A disabled account's sessions end for good (enabling it again needs a new sign-in).
    if (user.disabled)
      await this.db.query(
        'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
        [user.id],
      );
    return user;
  }

  /** A new one-time password; the user's sessions end and the lock is lifted. */
  async resetPassword(id: string): Promise<{ user: AppUser; oneTimePassword: string }> {
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    const user = await this.write('write', async (m) => {
      const u = await this.lock(m, id);
      await m.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [u.id, hash],
      );
      await m.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
        u.id,
      ]);
      return this.reload(m, u.id);
    });
    return { user, oneTimePassword: password };
  }

  /** Creates an API key (read-only; optional township scope); the secret is returned once. */
  async createApiKey(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
    const key = newSecret('bk_');
    const townshipId = input.townshipId ? parseId(input.townshipId) : null;
    return this.db.transaction(async (m) => {
      if (input.townshipId) {
        const [t] = townshipId ? await m.query('SELECT id FROM township WHERE id = $1', [townshipId]) : [];
        if (!t)
          throw invalidInput([
            { field: 'input.townshipId', reason: 'REFERENCE_NOT_FOUND', message: 'no such township' },
          ]);
      }
      const [row] = await m.query(
        `INSERT INTO api_key (name, prefix, key_hash, township_id, created_by_id, rate_limit_per_minute) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          input.name,
          key.slice(0, 8),
          sha256(key),
          townshipId,
          currentActor().id,
          input.rateLimitPerMinute ?? null,
        ],
      );
      const apiKey = this.hydrateKey(row);
      await appendAudit(m, {
        operation: 'createApiKey',
        entity: 'ApiKey',
        entityId: apiKey.id,
        after: apiKey,
      });
      return { apiKey, key };
    });
  }

  /** Revokes a key at once; NOT_FOUND for an unknown one. */
  async revokeApiKey(id: string): Promise<ApiKey> {
    return this.db.transaction(async (m) => {
      const n = parseId(id);
      const [before] = n ? await m.query('SELECT * FROM api_key WHERE id = $1 FOR UPDATE', [n]) : [];
      if (!before) throw new AppError('NOT_FOUND', 'API_KEY_NOT_FOUND', `ApiKey ${id} not found`);
      await m.query('UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [n]);
      const [row] = await m.query('SELECT * FROM api_key WHERE id = $1', [n]);
      await appendAudit(m, {
        operation: 'revokeApiKey',
        entity: 'ApiKey',
        entityId: n,
        before: this.hydrateKey(before),
        after: this.hydrateKey(row),
      });
      return this.hydrateKey(row);
    });
  }

  private hydrateKey(row: any): ApiKey {
    return hydrate<ApiKey>(this.db.dataSource.getMetadata(ApiKey), row);
  }

  /**
   * The first start: when no user exists, creates `admin` (ADMIN) with ADMIN_PASSWORD or a one-time
   * password printed once; either must be changed at first sign-in.
   */
  async ensureAdministrator(print: (line: string) => void = console.log): Promise<void> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM app_user');
    if (n > 0) return;
    const password = this.config.adminPassword ?? oneTimePassword();
    await this.db.transaction(async (m: EntityManager) => {
      const [row] = await m.query(
        `INSERT INTO app_user (username, display_name, role, password_hash, must_change_password)
         VALUES ('admin', '系统管理员', 'ADMIN', $1, true) RETURNING id`,
        [await hashPassword(password)],
      );
      await appendAudit(m, { operation: 'createAdministrator', entity: 'AppUser', entityId: row.id });
    });
    logger.warn('created the first administrator "admin"; the password must be changed at first sign-in');
    if (!this.config.adminPassword)
      print(
        `\n  First administrator: admin / ${password}\n  (one-time password, shown only now: change it at first sign-in)\n`,
      );
  }
}

/** Reads of the audit trail (ADMIN, AUDITOR): lists only; events are appended by the writes. */
export class AuditService extends CrudService<any> {
  protected readonly entity = AuditEvent;
}

/** Lists of API keys (ADMIN); keys are created and revoked by AuthService. */
export class ApiKeyService extends CrudService<any> {
  protected readonly entity = ApiKey;
}
