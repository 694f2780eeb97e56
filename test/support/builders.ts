import { today } from '../../server/common/today';
import { idNumberCheckChar } from '../../server/common/validation/id-number';
import type { TestApp } from './harness';
import { ok } from './harness';

let serial = 0;

/**
 * A valid synthetic ID number (GB 11643-1999 check digit) for a birth date and gender. Without a
 * birth date, one in 1980 that moves on a day every 500 numbers, so numbers never repeat in a file.
 */
export function anIdNumber(birthDate?: string, male = true): string {
  serial++;
  if (!birthDate) {
    const d = new Date(Date.UTC(1980, 4, 17 + Math.floor(serial / 500)));
    birthDate = d.toISOString().slice(0, 10);
  }
  const seq = String((serial % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
  const first17 = `620402${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/** Input of a member (HEAD by default). */
export function aMember(overrides: Record<string, unknown> = {}) {
  return {
    name: '测试成员',
    idNumber: anIdNumber(),
    relationToHead: 'HEAD',
    educationLevel: 'JUNIOR_SECONDARY',
    laborCapacity: 'FULL',
    ...overrides,
  };
}

export async function villageIdByName(app: TestApp, name: string): Promise<string> {
  const data = ok(
    await app.gql(`query($n: String!) { villages(filter: { name: { eq: $n } }) { nodes { id } } }`, {
      n: name,
    }),
  );
  return data.villages.nodes[0].id;
}

export async function departmentIdByCode(app: TestApp, code: string): Promise<string> {
  const data = ok(
    await app.gql(`query($c: String!) { departments(filter: { code: { eq: $c } }) { nodes { id } } }`, {
      c: code,
    }),
  );
  return data.departments.nodes[0].id;
}

let households = 0;

/** Creates a household (with the given members) in a village and returns its id and version. */
export async function aHousehold(
  app: TestApp,
  options: { villageId: string; members?: Record<string, unknown>[]; fields?: Record<string, unknown> },
): Promise<{ id: string; version: number }> {
  households++;
  const input = {
    householdNumber: `T${process.pid}-${households}`,
    villageId: options.villageId,
    householdType: 'ALLEVIATED',
    members: options.members ?? [aMember()],
    ...options.fields,
  };
  const data = ok(
    await app.gql(
      `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id version } }`,
      { input },
    ),
  );
  return data.createHousehold;
}

/** `YYYY-MM-DD` of `n` days before the server's today (China Standard Time). */
export function daysAgo(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * Takes a CLUE through verification (ILLNESS, MARGINAL), notice and approval, on the days given as
 * days before today.
 */
export async function approveCase(
  app: TestApp,
  caseId: string,
  days: { verified: number; publicized: number; approved: number },
) {
  const step = (mutation: string, input: string) =>
    app.gql(`mutation($id: ID!) { ${mutation}(id: $id, input: ${input}) { id status } }`, { id: caseId });
  ok(
    await step(
      'verifyMonitoringCase',
      `{ category: MARGINAL, riskTypes: [ILLNESS], findings: "核实", date: "${daysAgo(days.verified)}" }`,
    ),
  );
  ok(await step('publicizeMonitoringCase', `{ date: "${daysAgo(days.publicized)}" }`));
  return ok(await step('approveMonitoringCase', `{ date: "${daysAgo(days.approved)}" }`))
    .approveMonitoringCase;
}
