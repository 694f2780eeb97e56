import { Role } from '../../server/auth/actor';
import { thisYear } from '../../server/common/today';
import { currentPeriod, previousPeriod } from '../../server/modules/indicator/indicator-period';
import { aHousehold, aMember, anIdNumber, departmentIdByCode } from '../support/builders';
import { errorOf, ok, startTestApp, TestApp } from '../support/harness';

/**
 * The plan's indicators on a small population with known rates, in two townships: value, status,
 * scope (a township officer sees its township only, and the townships add up to the district),
 * drill-down, reported figures, snapshots and member statistics with small-cell suppression.
 */
describe('plan indicators', () => {
  let app: TestApp;
  let t1: string;
  let t2: string;
  let v1: string;
  let v2: string;
  const child = (age: number, extra: Record<string, unknown> = {}) =>
    aMember({
      relationToHead: 'SON',
      idNumber: anIdNumber(`${thisYear() - age}-01-15`),
      laborCapacity: 'NONE',
      educationLevel: 'PRIMARY',
      schoolStatus: 'PRIMARY',
      medicalInsured: true,
      ...extra,
    });
  const query = `query($p: String, $a: IndicatorAreaInput) { planIndicators(period: $p, area: $a) {
    key value numerator denominator target status areaLevel areaName previousValue trend takenAt dataVersion } }`;
  const byKey = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

  beforeAll(async () => {
    app = await startTestApp();
    const towns = ok(
      await app.gql(
        '{ townships(orderBy: [{ field: CODE }], first: 2, filter: { kind: { ne: STREET } }) { nodes { id } } }',
      ),
    ).townships.nodes;
    [t1, t2] = towns.map((t: any) => t.id);
    const village = async (t: string) =>
      ok(
        await app.gql(
          'query($t: ID!) { villages(first: 1, orderBy: [{ field: CODE }], filter: { townshipId: { eq: $t }, committeeType: { eq: VILLAGE } }) { nodes { id } } }',
          { t },
        ),
      ).villages.nodes[0].id;
    v1 = await village(t1);
    v2 = await village(t2);
    // T1: two children of school age, one dropped out; all insured.
    await aHousehold(app, {
      villageId: v1,
      members: [
        aMember({ medicalInsured: true }),
        child(10),
        child(12, { schoolStatus: 'DROPPED_OUT', name: '辍学生' }),
      ],
      fields: { housingSafety: 'A' },
    });
    // T2: one child in school; one adult uninsured; an unsafe house.
    await aHousehold(app, {
      villageId: v2,
      members: [aMember({ medicalInsured: false }), child(8)],
      fields: { housingSafety: 'C' },
    });
  }, 60000);
  afterAll(() => app.close());

  it('computes every catalogue key, rates exactly, with the status rule', async () => {
    const rows = ok(await app.gql(query)).planIndicators;
    const csvKeys = ok(await app.gql('{ indicatorCatalogue { key source } }')).indicatorCatalogue;
    expect(rows.map((r: any) => r.key).sort()).toEqual(csvKeys.map((c: any) => c.key).sort());
    expect(csvKeys).toHaveLength(13);
    const k = byKey(rows);
    expect(k.compulsory_education_retention).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: '66.67',
      target: '99.00',
      status: 'MISSED',
      areaLevel: 'DISTRICT',
      areaName: '白银区',
    });
    expect(k.alleviated_medical_insurance).toMatchObject({
      numerator: 4,
      denominator: 5,
      value: '80.00',
      status: 'MISSED',
    });
    expect(k.unsafe_housing_new).toMatchObject({ value: '1.00', numerator: 1, status: 'MISSED' });
    expect(k.progress_report_day.status).toBe('NO_DATA');
    expect(k.rural_homestays).toMatchObject({ value: null, status: 'NO_DATA' });
    // 97 village committees without a collective-income row count as below the line
    expect(k.village_collective_income_min).toMatchObject({ numerator: 0, value: '0.00', status: 'MISSED' });
  });

  it('defines every indicator in Chinese only (shown in the Chinese console and the compiled report)', async () => {
    const rows = ok(await app.gql('{ indicatorCatalogue { key definition planClause } }')).indicatorCatalogue;
    for (const r of rows) {
      // Latin letters only as the grades C/D; no English words such as "Numerator", "Drill-down".
      expect({ key: r.key, english: r.definition.replace(/C\/D/g, '').match(/[A-Za-z]{2,}/g) }).toEqual({
        key: r.key,
        english: null,
      });
      expect(r.definition).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('gives a township officer its township only, and the townships add up to the district', async () => {
    const officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t1 });
    const own = byKey(ok(await app.gqlAs(officer, query)).planIndicators);
    expect(own.compulsory_education_retention).toMatchObject({
      areaLevel: 'TOWNSHIP',
      numerator: 1,
      denominator: 2,
      value: '50.00',
    });
    expect(errorOf(await app.gqlAs(officer, query, { a: { townshipId: t2 } }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TOWNSHIP_NOT_FOUND',
    });
    const t2Key = await app.apiKey(t2);
    const other = byKey(ok(await app.gqlAs(t2Key, query)).planIndicators);
    expect(other.compulsory_education_retention).toMatchObject({
      numerator: 1,
      denominator: 1,
      status: 'MET',
    });
    const district = byKey(ok(await app.gql(query)).planIndicators);
    const breakdown = ok(
      await app.gql(
        `{ indicatorBreakdown(key: "alleviated_medical_insurance", groupBy: TOWNSHIP) { townshipId numerator denominator } }`,
      ),
    ).indicatorBreakdown;
    expect(breakdown.length).toBe(10);
    const sum = (f: string) => breakdown.reduce((s: number, r: any) => s + r[f], 0);
    expect(sum('numerator')).toBe(district.alleviated_medical_insurance.numerator);
    expect(sum('denominator')).toBe(district.alleviated_medical_insurance.denominator);
    const asOfficer = ok(
      await app.gqlAs(
        officer,
        `{ indicatorBreakdown(key: "alleviated_medical_insurance", groupBy: TOWNSHIP) { townshipId } }`,
      ),
    ).indicatorBreakdown;
    expect(asOfficer).toEqual([{ townshipId: t1 }]);
  });

  it('drills into the rows behind the shortfall, for area roles in scope only', async () => {
    const drill = `{ indicatorDrillDown(key: "compulsory_education_retention") { totalCount nodes { kind name villageId detail } } }`;
    const all = ok(await app.gql(drill)).indicatorDrillDown;
    expect(all).toMatchObject({ totalCount: 1, nodes: [{ kind: 'MEMBER', name: '辍学生', villageId: v1 }] });
    const t2Officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t2 });
    expect(ok(await app.gqlAs(t2Officer, drill)).indicatorDrillDown.totalCount).toBe(0);
    const dept = await app.user(Role.DEPARTMENT_OFFICER, {
      departmentId: await departmentIdByCode(app, 'D09'),
    });
    expect(errorOf(await app.gqlAs(dept, drill))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
    expect(
      errorOf(await app.gql(`{ indicatorDrillDown(key: "rural_homestays") { totalCount } }`)).reason,
    ).toBe('INDICATOR_NOT_DRILLABLE');
  });

  it('takes reported figures from the owning department only, once per month, audited', async () => {
    const d12 = await app.user(Role.DEPARTMENT_OFFICER, {
      departmentId: await departmentIdByCode(app, 'D12'),
    });
    const d09 = await app.user(Role.DEPARTMENT_OFFICER, {
      departmentId: await departmentIdByCode(app, 'D09'),
    });
    const report = `mutation($v: Decimal!, $k: String!, $e: Int) { reportIndicatorValue(input: { key: $k, value: $v, sourceDocument: "白文旅〔2026〕3号" }, expectedVersion: $e) { id version value } }`;
    expect(errorOf(await app.gqlAs(d09, report, { k: 'rural_homestays', v: '80' }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OWNING_DEPARTMENT',
    });
    expect(errorOf(await app.gql(report, { k: 'unsafe_housing_new', v: '1' })).reason).toBe(
      'INDICATOR_NOT_REPORTED',
    );
    expect(errorOf(await app.gql(report, { k: 'land_revenue_to_agriculture', v: '101' })).reason).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    const entry = ok(await app.gqlAs(d12, report, { k: 'rural_homestays', v: '80' })).reportIndicatorValue;
    expect(errorOf(await app.gqlAs(d12, report, { k: 'rural_homestays', v: '95' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'INDICATOR_VALUE_EXISTS',
    });
    let k = byKey(ok(await app.gql(query)).planIndicators);
    expect(k.rural_homestays).toMatchObject({ value: '80.00', status: 'MISSED' });
    ok(await app.gqlAs(d12, report, { k: 'rural_homestays', v: '95', e: entry.version }));
    k = byKey(ok(await app.gql(query)).planIndicators);
    expect(k.rural_homestays).toMatchObject({ value: '95.00', status: 'AT_RISK' });
    // a township without a figure of its own has no data
    const t1Values = byKey(ok(await app.gql(query, { a: { townshipId: t1 } })).planIndicators);
    expect(t1Values.rural_homestays.status).toBe('NO_DATA');
    const audit = await app.db.query(
      `SELECT operation, before, after FROM audit_event WHERE entity = 'IndicatorReport' ORDER BY id`,
    );
    expect(audit.map((a: any) => [a.operation, a.before?.value ?? null, a.after.value])).toEqual([
      ['reportIndicatorValue', null, '80'],
      ['reportIndicatorValue', '80.00', '95'],
    ]);
  });

  it('computes the alleviated income growth against the reported district rural average', async () => {
    const growth = async () => byKey(ok(await app.gql(query)).planIndicators).alleviated_income_growth;
    expect(await growth()).toMatchObject({ value: null, status: 'NO_DATA' });
    const h = ok(
      await app.gql(`{ households(filter: { villageId: { eq: "${v1}" } }, first: 1) { nodes { id } } }`),
    ).households.nodes[0].id;
    const income = `mutation($i: CreateHouseholdIncomeInput!) { createHouseholdIncome(input: $i) { id } }`;
    for (const [year, wage] of [
      [thisYear() - 2, '20000'],
      [thisYear() - 1, '22000'],
    ])
      ok(await app.gql(income, { i: { householdId: h, year, people: 3, wageIncomeYuan: wage } }));
    // per-capita 6,666.67 → 7,333.33 yuan: +10 %; the district's rural average +7.5 %: +2.5 points
    ok(
      await app.gql(
        `mutation { reportIndicatorValue(input: { key: "alleviated_income_growth", value: "7.5", sourceDocument: "白银区统计公报" }) { id } }`,
      ),
    );
    expect(await growth()).toMatchObject({ value: '2.50', status: 'MET' });
  });

  it('judges district totals in a township only against its own target', async () => {
    const rel = async () =>
      byKey(ok(await app.gql(query, { a: { townshipId: t1 } })).planIndicators).relocated_households;
    expect(await rel()).toMatchObject({ target: null, status: 'NO_DATA', value: '0.00' });
    ok(
      await app.gql(
        `mutation($t: ID!) { setIndicatorTownshipTarget(key: "relocated_households", townshipId: $t, target: "0") { key } }`,
        { t: t1 },
      ),
    );
    expect(await rel()).toMatchObject({ target: '0.00', status: 'MET' });
    const officer = await app.user(Role.TOWNSHIP_OFFICER, { townshipId: t1 });
    expect(
      errorOf(
        await app.gqlAs(
          officer,
          `mutation { updatePlanIndicator(key: "rural_homestays", input: { target: "1" }) { key } }`,
        ),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('keeps immutable monthly snapshots: a past month is taken once, the trend compares with it', async () => {
    const previous = previousPeriod(currentPeriod());
    const past = byKey(ok(await app.gql(query, { p: previous })).planIndicators);
    expect(past.compulsory_education_retention.takenAt).not.toBeNull();
    // a write after it changes the current month but not the snapshot
    await aHousehold(app, {
      villageId: v1,
      members: [aMember({ medicalInsured: true }), child(9, { schoolStatus: 'DROPPED_OUT' })],
    });
    const again = byKey(ok(await app.gql(query, { p: previous })).planIndicators);
    expect(again.compulsory_education_retention).toEqual(past.compulsory_education_retention);
    const now = byKey(ok(await app.gql(query)).planIndicators);
    expect(now.compulsory_education_retention).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: '50.00',
    });
    expect(now.compulsory_education_retention.previousValue).toBe(past.compulsory_education_retention.value);
    expect(now.compulsory_education_retention.trend).toBe('-16.67');
    const snap = ok(
      await app.gql('mutation { takeIndicatorSnapshot { id period kind dataVersion figures takenAt } }'),
    ).takeIndicatorSnapshot;
    expect(snap).toMatchObject({ period: currentPeriod(), kind: 'ON_DEMAND' });
    expect(Number(snap.dataVersion)).toBeGreaterThan(0);
    expect(snap.figures).toBe(13 * (1 + 10 + 99));
    await expect(app.db.query('UPDATE indicator_snapshot_value SET value = 100')).rejects.toThrow(
      /immutable/,
    );
    await expect(app.db.query('DELETE FROM indicator_snapshot')).rejects.toThrow(/immutable/);
    const history = ok(
      await app.gql('{ indicatorHistory(months: 3) { key period value takenAt } }'),
    ).indicatorHistory;
    const edu = history.filter((h: any) => h.key === 'compulsory_education_retention');
    expect(edu.map((h: any) => h.period).slice(-2)).toEqual([previous, currentPeriod()]);
    expect(edu.length).toBeLessThanOrEqual(3);
    expect(errorOf(await app.gql(query, { p: '2099-01' })).reason).toBe('PERIOD_IN_FUTURE');
    expect(errorOf(await app.gql(query, { p: '2026-13' })).reason).toBe('PERIOD_FORMAT');
    // malformed IDs are absent rows, not server errors
    expect(errorOf(await app.gql(query, { a: { townshipId: 'abc' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await app.gql(query, { a: { villageId: '99999999999' } })).code).toBe('NOT_FOUND');
  });

  it('counts members by age band, suppressing small cells for masked callers', async () => {
    const stats = `query($g: [MemberDimension!]!, $e: Boolean) { memberStatistics(groupBy: $g, includeEmpty: $e) {
      smallCellMin rows { keys { key label } count suppressed } } }`;
    const admin = ok(await app.gql(stats, { g: ['AGE_BAND'], e: true })).memberStatistics;
    expect(admin.smallCellMin).toBeNull();
    expect(admin.rows.map((r: any) => [r.keys[0].key, r.count])).toEqual([
      ['0-5', 0],
      ['6-15', 4],
      ['16-59', 3],
      ['60+', 0],
    ]);
    const key = await app.apiKey();
    const masked = ok(await app.gqlAs(key, stats, { g: ['AGE_BAND'], e: true })).memberStatistics;
    expect(masked.smallCellMin).toBe(5);
    expect(masked.rows.map((r: any) => [r.keys[0].key, r.count, r.suppressed])).toEqual([
      ['0-5', 0, false],
      ['6-15', null, true],
      ['16-59', null, true],
      ['60+', 0, false],
    ]);
    const two = ok(await app.gql(stats, { g: ['GENDER', 'SCHOOL_STATUS'] })).memberStatistics.rows;
    expect(two.reduce((s: number, r: any) => s + r.count, 0)).toBe(7);
    expect(errorOf(await app.gql(stats, { g: ['GENDER', 'GENDER'] })).reason).toBe('GROUP_BY_COUNT');
  });
});
