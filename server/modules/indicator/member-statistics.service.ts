import { Area, currentActor, seesPersonalData } from '../../auth/actor';
import { enumLabels } from '../../common/enums';
import { invalidInput } from '../../common/errors';
import { SqlParams } from '../../common/listing/sql-builder';
import { today } from '../../common/today';
import type { Database } from '../../database/database';
import { MemberDimension } from './indicator.enums';
import { areaCondition } from './indicator-figures';
import type { IndicatorService } from './indicator.service';
import type { IndicatorAreaInput, MemberStatistics, MemberStatisticsRow } from './indicator.types';

const AGE_BANDS: Record<string, string> = {
  '0-5': '0–5岁',
  '6-15': '6–15岁 (义务教育适龄)',
  '16-59': '16–59岁',
  '60+': '60岁及以上',
};

/** Each dimension: its SQL key over `m` (member) and `h` (household), and its possible values with labels. */
const DIMENSIONS: Record<
  MemberDimension,
  { expr: (asOf: () => string) => string; values?: () => Record<string, string> }
> = {
  AGE_BAND: {
    expr: (d) =>
      `CASE WHEN m.birth_date > (${d()}::date - interval '6 years') THEN '0-5' WHEN m.birth_date > (${d()}::date - interval '16 years') THEN '6-15'
            WHEN m.birth_date > (${d()}::date - interval '60 years') THEN '16-59' ELSE '60+' END`,
    values: () => AGE_BANDS,
  },
  GENDER: { expr: () => 'm.gender::text', values: () => enumLabels.get('Gender')! },
  SCHOOL_STATUS: { expr: () => 'm.school_status::text', values: () => enumLabels.get('SchoolStatus')! },
  MEDICAL_INSURED: {
    expr: () => 'm.medical_insured::text',
    values: () => ({ true: '已参保', false: '未参保' }),
  },
  HEALTH_STATUS: { expr: () => 'm.health_status::text', values: () => enumLabels.get('HealthStatus')! },
  DISABILITY_GRADE: {
    expr: () => `coalesce(m.disability_grade::text, 'NONE')`,
    values: () => ({ NONE: '无残疾等级', 1: '一级', 2: '二级', 3: '三级', 4: '四级' }),
  },
  LABOR_CAPACITY: { expr: () => 'm.labor_capacity::text', values: () => enumLabels.get('LaborCapacity')! },
  HOUSEHOLD_TYPE: { expr: () => 'h.household_type::text', values: () => enumLabels.get('HouseholdType')! },
  TOWNSHIP: { expr: () => 'v.township_id::text' },
};

/**
 * Member statistics for dashboards: counts of people by up to two dimensions, never a person. For
 * callers that see personal data masked (department officers) and API keys, a cell of 1 to
 * SMALL_CELL_MIN − 1 people is suppressed (count null), and when exactly one cell would be, the
 * next-smallest non-zero cell too, so the total does not give it away.
 */
export class MemberStatisticsService {
  constructor(
    private readonly db: Database,
    private readonly indicators: IndicatorService,
    private readonly smallCellMin: number,
  ) {}

  async statistics(
    groupBy: MemberDimension[],
    input: IndicatorAreaInput | null | undefined,
    includeEmpty: boolean,
  ): Promise<MemberStatistics> {
    if (groupBy.length < 1 || groupBy.length > 2 || new Set(groupBy).size !== groupBy.length)
      throw invalidInput([
        { field: 'groupBy', reason: 'GROUP_BY_COUNT', message: 'one or two different dimensions' },
      ]);
    const { area } = await this.indicators.resolveArea(input);
    const asOf = today();
    const p = new SqlParams();
    let asOfParam: string | null = null;
    const d = () => (asOfParam ??= p.add(asOf));
    const keys = groupBy.map((g, i) => `${DIMENSIONS[g].expr(d)} AS k${i}`);
    const rows = await this.db.query(
      `SELECT ${keys.join(', ')}, count(*)::int AS n
         FROM household_member m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id
        WHERE ${areaCondition('household', 'h', area, p)} GROUP BY ${groupBy.map((_, i) => i + 1).join(', ')}`,
      p.values,
    );
    const labels = await Promise.all(groupBy.map((g) => this.valuesOf(g, area)));
    const counts = new Map<string, number>(
      rows.map((r: any) => [groupBy.map((_, i) => r[`k${i}`]).join('|'), r.n]),
    );
    let cells: string[][] = [[]];
    if (includeEmpty)
      for (const l of labels) cells = cells.flatMap((c) => Object.keys(l).map((k) => [...c, k]));
    else cells = rows.map((r: any) => groupBy.map((_, i) => String(r[`k${i}`])));
    const out: MemberStatisticsRow[] = cells.map((c) => ({
      keys: c.map((k, i) => ({ dimension: groupBy[i], key: k, label: labels[i][k] ?? k })),
      count: counts.get(c.join('|')) ?? 0,
      suppressed: false,
    }));
    const actor = currentActor();
    const masked = actor.kind === 'API_KEY' || !seesPersonalData(actor);
    if (masked) {
      const small = out.filter((r) => r.count! > 0 && r.count! < this.smallCellMin);
      if (small.length === 1) {
        const next = out.filter((r) => r.count! >= this.smallCellMin).sort((a, b) => a.count! - b.count!)[0];
        if (next) small.push(next);
      }
      for (const r of small) {
        r.count = null;
        r.suppressed = true;
      }
    }
    const rank = (r: MemberStatisticsRow) => r.keys.map((k, i) => Object.keys(labels[i]).indexOf(k.key));
    out.sort((a, b) => {
      const x = rank(a);
      const y = rank(b);
      return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
    });
    return { rows: out, smallCellMin: masked ? this.smallCellMin : null, asOf };
  }

  private async valuesOf(g: MemberDimension, area: Area): Promise<Record<string, string>> {
    const values = DIMENSIONS[g].values;
    if (values) return Object.fromEntries(Object.entries(values()).map(([k, v]) => [String(k), v]));
    const p = new SqlParams();
    const rows = await this.db.query(
      `SELECT t.id::text AS id, t.name FROM township t WHERE ${areaCondition('township', 't', area, p)} ORDER BY t.code`,
      p.values,
    );
    return Object.fromEntries(rows.map((r: any) => [r.id, r.name]));
  }
}
