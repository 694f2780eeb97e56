import type { EntityManager } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { Actor, currentActor } from './actor';
import { auditedValue, personalFieldsOf } from './personal-data';

/** Anything that can run a statement: an EntityManager in a transaction, or the Database. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

/** One audit event to append (README: accounts, roles and personal data: who, role, when, operation, entity, id, before/after). */
export interface AuditEntry {
  operation: string;
  entity?: string | null;
  entityId?: string | number | null;
  before?: object | null;
  after?: object | null;
}

/** Never stored in the audit trail. */
const DROPPED = new Set(['passwordHash', 'idNumberHash', 'keyHash', 'tokenHash']);
/**
 * A row as JSON for the trail: secrets dropped, personal fields (declared with `@Personal`) masked,
 * whoever wrote them (auditors see no personal data).
 */
export function redact(entity: string | null | undefined, row: object | null | undefined): object | null {
  if (!row) return null;
  const personal = personalFieldsOf(entity ?? '');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (DROPPED.has(k) || v === undefined) continue;
    const field = personal.get(k);
    if (field) out[k] = auditedValue(field, v, row);
    else out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/**
 * A list filter as the trail stores it (exports): its shape kept, but the values compared with
 * personal fields and `q` texts replaced by `***`, at every level of and/or/not and relations.
 * Walked iteratively (the filter has already passed its depth limit, but this must not recurse).
 */
export function redactFilter(meta: EntityMetadata, filter: object | null): object | null {
  if (!filter) return null;
  const root: Record<string, unknown> = {};
  const stack: { meta: EntityMetadata; from: Record<string, unknown>; to: Record<string, unknown> }[] = [
    { meta, from: filter as Record<string, unknown>, to: root },
  ];
  while (stack.length) {
    const { meta: m, from, to } = stack.pop()!;
    const personal = personalFieldsOf(m.target as Function);
    for (const [k, v] of Object.entries(from)) {
      if (v === null || v === undefined) continue;
      if (k === 'q' || personal.has(k)) {
        to[k] = '***';
        continue;
      }
      if (k === 'and' || k === 'or') {
        to[k] = (v as object[]).map((f) => {
          const sub = {};
          stack.push({ meta: m, from: f as Record<string, unknown>, to: sub });
          return sub;
        });
        continue;
      }
      const rel = m.findRelationWithPropertyPath(k);
      if (k === 'not' || rel) {
        const sub = {};
        stack.push({
          meta: rel ? rel.inverseEntityMetadata : m,
          from: v as Record<string, unknown>,
          to: sub,
        });
        to[k] = sub;
        continue;
      }
      to[k] = v;
    }
  }
  return root;
}

/**
 * Appends one event in the caller's transaction, so it commits or rolls back with the write it
 * records (a failed write leaves no event). The operation defaults to the current mutation's name.
 */
export async function appendAudit(
  db: Queryable,
  entry: AuditEntry,
  actor: Actor = currentActor(),
): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (actor_kind, actor_id, actor_name, role, operation, entity, entity_id, before, after, request_id, client_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [
      actor.kind,
      actor.id,
      actor.name,
      actor.role,
      entry.operation,
      entry.entity ?? null,
      entry.entityId === null || entry.entityId === undefined ? null : String(entry.entityId),
      entry.before ? JSON.stringify(redact(entry.entity, entry.before)) : null,
      entry.after ? JSON.stringify(redact(entry.entity, entry.after)) : null,
      actor.requestId,
      actor.clientAddress,
    ],
  );
}

/**
 * Collects the rows one write transaction touches (the state it locked, the state it reloaded) and
 * appends one event per row before the transaction commits. CrudService feeds it from `lock` and
 * `reload`, so every generic write and every domain verb built on them is audited.
 */
export class AuditCollector {
  private readonly rows = new Map<
    string,
    { entity: string; id: number; before: object | null; after: object | null; written: boolean }
  >();

  constructor(private readonly operation: string) {}

  /** The row as locked before the write (kept from the first lock). */
  before(entity: string, id: number, row: object): void {
    const key = `${entity}:${id}`;
    if (!this.rows.has(key))
      this.rows.set(key, { entity, id, before: { ...row }, after: null, written: false });
  }

  /** The row as written (null: deleted). Rows only locked, never written, make no event. */
  after(entity: string, id: number, row: object | null): void {
    const key = `${entity}:${id}`;
    const entry = this.rows.get(key) ?? { entity, id, before: null, after: null, written: false };
    entry.after = row ? { ...row } : null;
    entry.written = true;
    this.rows.set(key, entry);
  }

  async flush(m: EntityManager): Promise<void> {
    for (const r of this.rows.values()) {
      if (!r.written) continue;
      await appendAudit(m, {
        operation: this.operation,
        entity: r.entity,
        entityId: r.id,
        before: r.before,
        after: r.after,
      });
    }
  }
}

const collectors = new WeakMap<EntityManager, AuditCollector>();

/** The collector of the write transaction running on `m`, if any. */
export function collectorOf(m: EntityManager): AuditCollector | undefined {
  return collectors.get(m);
}

export function attachCollector(m: EntityManager, c: AuditCollector): void {
  collectors.set(m, c);
}
