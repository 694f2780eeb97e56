import type { Me } from '../auth/authProvider';

/** Who sees what of the monthly reports (mirrors server/auth/permissions.ts; the server decides). */
const has = (me: Me | null | undefined, roles: string[]) => Boolean(me && roles.includes(me.role));
export const canReadReports = (me: Me | null | undefined) =>
  has(me, ['ADMIN', 'DISTRICT_OFFICER', 'TOWNSHIP_OFFICER', 'DEPARTMENT_OFFICER', 'AUDITOR']);
export const canWriteReport = (me: Me | null | undefined) =>
  has(me, ['ADMIN', 'TOWNSHIP_OFFICER', 'DEPARTMENT_OFFICER']);
export const canDecideReport = (me: Me | null | undefined) => has(me, ['ADMIN', 'DISTRICT_OFFICER']);
export const canCompile = (me: Me | null | undefined) => has(me, ['ADMIN', 'DISTRICT_OFFICER', 'AUDITOR']);
