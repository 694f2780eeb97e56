import { AppError, invalidInput } from '../../common/errors';
import { SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { DrillRowKind } from './indicator.enums';
import { areaCondition } from './indicator-figures';
import { checkPeriod, periodEnd } from './indicator-period';
import type { IndicatorService } from './indicator.service';
import type { IndicatorAreaInput, IndicatorDrillPage } from './indicator.types';

/** The rows behind each computed indicator's shortfall, as SQL over the area (`$area` condition). */
type Drill = (
  p: SqlParams,
  period: string,
) => { kind: DrillRowKind; from: string; table: string; alias: string };

const MEMBER_COLUMNS = `m.id::text AS id, m.name, h.id::text AS household_id, h.household_number, v.id::text AS village_id, v.name AS village_name, t.name AS township_name`;
const HOUSEHOLD_COLUMNS = `h.id::text AS id, h.household_number AS name, h.id::text AS household_id, h.household_number, v.id::text AS village_id, v.name AS village_name, t.name AS township_name`;
const PLACE = `JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id`;

const incomeBelow =
  (threshold: number): Drill =>
  (p, period) => ({
    kind: DrillRowKind.VILLAGE,
    table: 'village',
    alias: 'v',
    from: `SELECT v.id::text AS id, v.name, NULL AS household_id, NULL AS household_number, v.id::text AS village_id, v.name AS village_name,
                t.name AS township_name, t.code AS o1, v.code AS o2,
                CASE WHEN ci.id IS NULL THEN ${p.add(`${Number(period.slice(0, 4)) - 1}年无收入记录`)} ELSE ${p.add(`${Number(period.slice(0, 4)) - 1}年收入 `)} || ci.amount_yuan::text || ' 元' END AS detail
           FROM village v JOIN township t ON t.id = v.township_id
           LEFT JOIN village_collective_income ci ON ci.village_id = v.id AND ci.year = ${p.add(Number(period.slice(0, 4)) - 1)}
          WHERE v.committee_type = 'VILLAGE' AND (ci.id IS NULL OR ci.amount_yuan < ${p.add(threshold)})`,
  });

const relocated: Drill = () => ({
  kind: DrillRowKind.HOUSEHOLD,
  table: 'household',
  alias: 'h',
  from: `SELECT ${HOUSEHOLD_COLUMNS}, t.code AS o1, h.household_number AS o2, '安置点: ' || s.name AS detail
           FROM household h ${PLACE} JOIN relocation_site s ON s.id = h.relocation_site_id WHERE TRUE`,
});

const DRILLS: Record<string, Drill> = {
  compulsory_education_retention: (p, period) => {
    const d = p.add(periodEnd(period));
    return {
      kind: DrillRowKind.MEMBER,
      table: 'household',
      alias: 'h',
      from: `SELECT ${MEMBER_COLUMNS}, t.code AS o1, h.household_number AS o2,
                    date_part('year', age(${d}::date, m.birth_date))::int || '周岁, 辍学' AS detail
               FROM household_member m JOIN household h ON h.id = m.household_id ${PLACE}
              WHERE m.school_status = 'DROPPED_OUT' AND m.birth_date > (${d}::date - interval '16 years')
                AND m.birth_date <= (${d}::date - interval '6 years')`,
    };
  },
  alleviated_medical_insurance: () => ({
    kind: DrillRowKind.MEMBER,
    table: 'household',
    alias: 'h',
    from: `SELECT ${MEMBER_COLUMNS}, t.code AS o1, h.household_number AS o2, '脱贫户成员, 未参加基本医疗保险' AS detail
             FROM household_member m JOIN household h ON h.id = m.household_id ${PLACE}
            WHERE h.household_type = 'ALLEVIATED' AND NOT m.medical_insured`,
  }),
  unsafe_housing_new: () => ({
    kind: DrillRowKind.HOUSEHOLD,
    table: 'household',
    alias: 'h',
    from: `SELECT ${HOUSEHOLD_COLUMNS}, t.code AS o1, h.household_number AS o2, '住房安全等级 ' || h.housing_safety::text || ' 级' AS detail
             FROM household h ${PLACE} WHERE h.housing_safety IN ('C', 'D')`,
  }),
  village_collective_income_min: incomeBelow(50000),
  village_collective_income_high: incomeBelow(500000),
  relocated_households: relocated,
  relocated_people: relocated,
};

/**
 * Drill-down: the rows behind a computed value's shortfall (the children out of school, the
 * uninsured, the unsafe houses, the villages below the income line; the relocated households for
 * the relocation totals), within the caller's area. Open to the area roles only (policy), which see
 * the names.
 */
export class IndicatorDrillService {
  constructor(
    private readonly db: Database,
    private readonly indicators: IndicatorService,
  ) {}

  async drill(
    key: string,
    period: string | null | undefined,
    input: IndicatorAreaInput | null | undefined,
    first: number,
    offset: number,
  ): Promise<IndicatorDrillPage> {
    await this.indicators.indicatorByKey(key);
    const drill = DRILLS[key];
    if (!drill)
      throw new AppError(
        'BAD_USER_INPUT',
        'INDICATOR_NOT_DRILLABLE',
        `${key} has no rows in the register behind it`,
        [{ field: 'key', reason: 'INDICATOR_NOT_DRILLABLE', message: 'reported or not yet computable' }],
      );
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw invalidInput([{ field: 'first', reason: 'PAGE_SIZE', message: '1–500' }]);
    if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000)
      throw invalidInput([{ field: 'offset', reason: 'OFFSET_OUT_OF_RANGE', message: '0–1,000,000' }]);
    const p = checkPeriod(period);
    const { area } = await this.indicators.resolveArea(input);
    const params = new SqlParams();
    const d = drill(params, p);
    const sql = `${d.from} AND ${areaCondition(d.table, d.alias, area, params)}`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM (${sql}) x`, params.values);
    const rows = await this.db.query(
      `SELECT * FROM (${sql}) x ORDER BY o1, village_name, o2, id LIMIT ${params.add(first)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    return {
      totalCount: n,
      nodes: rows.map((r: any) => ({
        kind: d.kind,
        id: r.id,
        name: r.name,
        householdId: r.household_id,
        householdNumber: r.household_number,
        villageId: r.village_id,
        villageName: r.village_name,
        townshipName: r.township_name,
        detail: r.detail,
      })),
    };
  }
}
