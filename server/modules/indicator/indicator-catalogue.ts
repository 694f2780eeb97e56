import type { Database } from '../../database/database';
import { readCsv } from '../../seed/csv';
import { IndicatorComparison, IndicatorSource, TargetScope } from './indicator.enums';

/**
 * What the plan's target list (plan-targets.csv) does not say: how each value is obtained, who owns
 * it, where its target applies and its AT_RISK margin (in the unit). Every key of the list has an
 * entry; the seed fails on a key without one.
 */
export interface CatalogueEntry {
  source: IndicatorSource;
  /** departments.csv code of the owning department. */
  department: string;
  targetScope: TargetScope;
  margin: string;
  definition: string;
}

export const CATALOGUE: Record<string, CatalogueEntry> = {
  compulsory_education_retention: {
    source: IndicatorSource.COMPUTED,
    department: 'D09',
    targetScope: TargetScope.EVERY_AREA,
    margin: '1',
    definition:
      '分子: 6–15 周岁 (期末日的周岁) 且在校生状况不是辍学的成员; 分母: 6–15 周岁成员. Numerator: members aged 6–15 in full years on the period’s last day whose school status is not DROPPED_OUT; denominator: members of that age. Drill-down: the children who dropped out.',
  },
  alleviated_medical_insurance: {
    source: IndicatorSource.COMPUTED,
    department: 'D14',
    targetScope: TargetScope.EVERY_AREA,
    margin: '1',
    definition:
      '分子: 脱贫户成员中参加基本医疗保险的; 分母: 脱贫户成员. Numerator: members of ALLEVIATED households with medicalInsured; denominator: members of ALLEVIATED households. Drill-down: the uninsured.',
  },
  unsafe_housing_new: {
    source: IndicatorSource.COMPUTED,
    department: 'D06',
    targetScope: TargetScope.EVERY_AREA,
    margin: '0',
    definition:
      '住房安全等级为 C/D 级的农户数 (应动态清零). Households whose housing safety grade is C or D (unsafe, not yet repaired); target 0 in every area. Drill-down: those households.',
  },
  village_collective_income_min: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.EVERY_AREA,
    margin: '10',
    definition:
      '分子: 上一年度集体经济收入 ≥ 50,000 元的行政村; 分母: 行政村 (村委会). Numerator: village committees whose collective income of the year before the period’s year (the last closed year) is at least 50,000 yuan; a village without an income row counts as below. Denominator: village committees (communities excluded). Drill-down: the villages below or without a row.',
  },
  village_collective_income_high: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.EVERY_AREA,
    margin: '2',
    definition:
      '分子: 上一年度集体经济收入 ≥ 500,000 元的行政村; 分母: 行政村. As village_collective_income_min with 500,000 yuan. Drill-down: the villages below or without a row.',
  },
  one_village_one_product: {
    source: IndicatorSource.REPORTED,
    department: 'D01',
    targetScope: TargetScope.DISTRICT,
    margin: '1',
    definition:
      '填报: 获评全国"一村一品"示范村镇的村数 (农业农村部认定文件). Reported by 区农业农村局: a national recognition the register does not record (a village’s featuredIndustry is not the recognition).',
  },
  gansu_brand_products: {
    source: IndicatorSource.REPORTED,
    department: 'D13',
    targetScope: TargetScope.DISTRICT,
    margin: '1',
    definition:
      '填报: 入选"甘味"品牌的特色产品数 (省级目录). Reported by 区商务局: the provincial brand list is outside the register.',
  },
  rural_homestays: {
    source: IndicatorSource.REPORTED,
    department: 'D12',
    targetScope: TargetScope.DISTRICT,
    margin: '10',
    definition:
      '填报: 特色乡村民宿数量 (文旅部门登记). Reported by 区文旅局: homestays are not in the register.',
  },
  relocated_households: {
    source: IndicatorSource.COMPUTED,
    department: 'D07',
    targetScope: TargetScope.DISTRICT,
    margin: '11',
    definition:
      '登记在安置点的搬迁户数 (应与"十三五"搬迁 1,082 户一致). Households with a relocation site; the district total should equal the plan’s 1,082. Drill-down: the relocated households.',
  },
  relocated_people: {
    source: IndicatorSource.COMPUTED,
    department: 'D07',
    targetScope: TargetScope.DISTRICT,
    margin: '36',
    definition:
      '搬迁户的成员数 (应与 3,601 人一致). Members of households with a relocation site; should equal 3,601. Drill-down: the relocated households.',
  },
  alleviated_income_growth: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.DISTRICT,
    margin: '0.5',
    definition:
      '脱贫户人均纯收入增速 (登记数据, 上一年度比再上一年度) 减全区农村居民人均可支配收入增速 (区农业农村局按期填报, %). Computed in percentage points: the growth of the alleviated households’ per-capita net income (the register’s household incomes, last closed year against the year before) minus the district’s rural per-capita income growth, which comes from the statistics bureau’s survey and is reported (reportIndicatorValue, in percent) by 区农业农村局. NO_DATA without both years or the reported growth.',
  },
  land_revenue_to_agriculture: {
    source: IndicatorSource.REPORTED,
    department: 'D03',
    targetScope: TargetScope.DISTRICT,
    margin: '5',
    definition:
      '填报: 土地出让收益用于农业农村支出的比例. Reported by 区财政局 from the fiscal accounts, which the register does not hold.',
  },
  progress_report_day: {
    source: IndicatorSource.COMPUTED,
    department: 'D02',
    targetScope: TargetScope.EVERY_AREA,
    margin: '0',
    definition:
      '各单位月度工作进展报送日 (每月 20 日前). The day of month by which the units’ monthly progress reports arrive. NO_DATA until monthly progress reports (ProgressReport) exist in the register.',
  },
};

const COMPARISONS: Record<string, IndicatorComparison> = {
  gte: IndicatorComparison.GTE,
  gt: IndicatorComparison.GT,
  lte: IndicatorComparison.LTE,
  eq: IndicatorComparison.EQ,
};

/**
 * Loads the catalogue from the plan's target list, inserting only missing keys (idempotent; edits
 * made through the API survive restarts). Returns the number inserted.
 */
export async function seedIndicatorCatalogue(db: Database): Promise<number> {
  const rows = readCsv('plan-targets.csv');
  // Names lead with the Chinese (`13th FYP relocated households (易地扶贫搬迁户)` → `易地扶贫搬迁户 (13th …)`).
  const chineseFirst = (name: string) => {
    const m = /^([^\u4e00-\u9fff]+) \(([^)]*[\u4e00-\u9fff][^)]*)\)$/.exec(name);
    return m ? `${m[2]} (${m[1]})` : name;
  };
  const values = rows.map((r) => {
    const entry = CATALOGUE[r.key];
    if (!entry || !COMPARISONS[r.comparison])
      throw new Error(`plan-targets.csv: no catalogue entry for ${r.key}`);
    return [
      r.key,
      chineseFirst(r.indicator),
      r.plan_task,
      entry.department,
      r.unit,
      COMPARISONS[r.comparison],
      r.target,
      entry.targetScope,
      entry.margin,
      r.deadline,
      entry.source,
      entry.definition,
    ];
  });
  const columns = values[0].map((_, i) => values.map((v) => v[i]));
  const inserted = await db.query(
    `INSERT INTO plan_indicator (key, name, plan_clause, department_id, unit, comparison, target, target_scope, margin, deadline, source, definition)
     SELECT c.key, c.name, c.clause, d.id, c.unit, c.comparison::indicator_comparison, c.target::numeric, c.scope::target_scope,
            c.margin::numeric, c.deadline, c.source::indicator_source, c.definition
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[]) WITH ORDINALITY
            AS c(key, name, clause, dept, unit, comparison, target, scope, margin, deadline, source, definition, ord)
       LEFT JOIN department d ON d.code = c.dept ORDER BY c.ord
     ON CONFLICT (key) DO NOTHING RETURNING id`,
    columns,
  );
  return inserted.length;
}
