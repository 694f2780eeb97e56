import { gql, isNetworkError } from '../providers/graphql';

/**
 * The device's queue of visits (issue #17 gap 2: weak 4G in the villages). A visit is first written
 * to localStorage with an idempotency key generated here, then sent; when the connection is down it
 * stays until `online` fires (or the console next starts) and is sent then. The server answers a
 * repeated key with the visit it first recorded, so a retry after a lost answer never doubles it.
 */
export interface QueuedVisit {
  idempotencyKey: string;
  householdId: string;
  /** 户主 · 户编号, to show what is waiting. */
  householdLabel: string;
  visitDate: string;
  findings: string;
  guaranteesChecked: boolean;
  queuedAt: string;
}

const STORE = 'baiyin.visitQueue.v1';
const listeners = new Set<() => void>();

export function pendingVisits(): QueuedVisit[] {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]');
  } catch {
    return [];
  }
}

function save(list: QueuedVisit[]) {
  localStorage.setItem(STORE, JSON.stringify(list));
  listeners.forEach((l) => l());
}

/** Called whenever the queue changes (the banner's count). */
export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A random key of this device's visit (UUID v4 where the browser has it). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const RECORD = `mutation($input: RecordHouseholdVisitInput!) {
  recordHouseholdVisit(input: $input) { id householdId monitoringCaseId visitDate } }`;

export interface FlushResult {
  sent: number;
  /** Visits the server refused (a coded answer, not the network): dropped from the queue, reported. */
  rejected: { visit: QueuedVisit; reason: string }[];
  /** Still waiting: the connection is down. */
  waiting: number;
}

let flushing: Promise<FlushResult> | null = null;

/** Sends every queued visit, oldest first; stops at the first network failure. */
export function flushVisits(): Promise<FlushResult> {
  flushing ??= (async () => {
    const result: FlushResult = { sent: 0, rejected: [], waiting: 0 };
    try {
      for (const visit of pendingVisits()) {
        try {
          await gql(RECORD, {
            input: {
              householdId: visit.householdId,
              visitDate: visit.visitDate,
              findings: visit.findings,
              guaranteesChecked: visit.guaranteesChecked,
              idempotencyKey: visit.idempotencyKey,
            },
          });
          result.sent++;
        } catch (error: any) {
          if (isNetworkError(error)) break;
          result.rejected.push({ visit, reason: error?.body?.reason ?? 'INTERNAL' });
        }
        save(pendingVisits().filter((v) => v.idempotencyKey !== visit.idempotencyKey));
      }
    } finally {
      result.waiting = pendingVisits().length;
      flushing = null;
    }
    return result;
  })();
  return flushing;
}

/**
 * Keeps the visit on the device, then tries to send it: `sent` when the server has it, `queued` when
 * the connection is down (it goes when the connection returns); a refusal throws (shown on the form).
 */
export async function submitVisit(
  visit: Omit<QueuedVisit, 'idempotencyKey' | 'queuedAt'>,
): Promise<'sent' | 'queued'> {
  const queued: QueuedVisit = {
    ...visit,
    idempotencyKey: newIdempotencyKey(),
    queuedAt: new Date().toISOString(),
  };
  save([...pendingVisits(), queued]);
  if (!navigator.onLine) return 'queued';
  try {
    await gql(RECORD, {
      input: {
        householdId: queued.householdId,
        visitDate: queued.visitDate,
        findings: queued.findings,
        guaranteesChecked: queued.guaranteesChecked,
        idempotencyKey: queued.idempotencyKey,
      },
    });
  } catch (error) {
    if (isNetworkError(error)) return 'queued';
    save(pendingVisits().filter((v) => v.idempotencyKey !== queued.idempotencyKey));
    throw error;
  }
  save(pendingVisits().filter((v) => v.idempotencyKey !== queued.idempotencyKey));
  return 'sent';
}

/** Sends the queue when the connection returns, and once at start (a visit left from yesterday). */
export function startVisitSync(onFlushed: (r: FlushResult) => void): () => void {
  const run = () => {
    if (pendingVisits().length) void flushVisits().then(onFlushed);
  };
  window.addEventListener('online', run);
  const timer = window.setInterval(run, 30000);
  run();
  return () => {
    window.removeEventListener('online', run);
    window.clearInterval(timer);
  };
}
