import type { Me, Role } from './authProvider';

/**
 * What the console shows to each role: menus and buttons follow the server's access policy
 * (server/auth/permissions.ts), which alone decides — these only spare users buttons that would be
 * refused.
 */
const AREA: Role[] = ['ADMIN', 'DISTRICT_OFFICER', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE'];
const DISTRICT: Role[] = ['ADMIN', 'DISTRICT_OFFICER'];
const READERS: Role[] = [...AREA, 'DEPARTMENT_OFFICER'];

const WRITERS: Record<string, Role[]> = {
  townships: DISTRICT,
  villages: DISTRICT,
  departments: DISTRICT,
  relocationSites: DISTRICT,
  monitoringThresholds: DISTRICT,
  villageCollectiveIncomes: AREA,
  households: AREA,
  householdMembers: AREA,
  householdIncomes: AREA,
  monitoringCases: AREA,
  assistanceMeasures: [...AREA, 'DEPARTMENT_OFFICER'],
  assets: [...AREA, 'DEPARTMENT_OFFICER'],
  assetRevenues: [...AREA, 'DEPARTMENT_OFFICER'],
  users: ['ADMIN'],
  apiKeys: ['ADMIN'],
};

const READ_ONLY: Record<string, Role[]> = {
  users: ['ADMIN'],
  apiKeys: ['ADMIN'],
  auditEvents: ['ADMIN', 'AUDITOR'],
};

export function canRead(me: Me | null | undefined, resource: string): boolean {
  if (!me) return false;
  return (READ_ONLY[resource] ?? READERS).includes(me.role);
}

export function canWrite(me: Me | null | undefined, resource: string): boolean {
  return Boolean(me && (WRITERS[resource] ?? []).includes(me.role));
}

/** Workflow steps: approval, rejection and closing are decided at the township (乡镇审定) or above. */
export function canStep(me: Me | null | undefined, step: string): boolean {
  if (!me) return false;
  if (['approve', 'reject', 'eliminate'].includes(step))
    return ['ADMIN', 'DISTRICT_OFFICER', 'TOWNSHIP_OFFICER'].includes(me.role);
  return AREA.includes(me.role);
}

export const canScreen = (me: Me | null | undefined) => Boolean(me && DISTRICT.includes(me.role));
export const canReveal = (me: Me | null | undefined) => Boolean(me && AREA.includes(me.role));

/**
 * Resources whose rows the API never deletes: a user is disabled instead (`updateUser(disabled)`), an
 * API key revoked (the data provider's delete of apiKeys sends revokeApiKey).
 */
const NEVER_DELETED = new Set(['users']);
export const canDelete = (resource: string) => !NEVER_DELETED.has(resource);
