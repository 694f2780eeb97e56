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
      '分子: 6–15 周岁 (按报告期末日计算的周岁) 且在校生状况不是辍学的成员; 分母: 6–15 周岁成员。明细: 辍学的儿童。',
  },
  alleviated_medical_insurance: {
    source: IndicatorSource.COMPUTED,
    department: 'D14',
    targetScope: TargetScope.EVERY_AREA,
    margin: '1',
    definition: '分子: 脱贫户成员中参加基本医疗保险的; 分母: 脱贫户成员。明细: 未参保的成员。',
  },
  unsafe_housing_new: {
    source: IndicatorSource.COMPUTED,
    department: 'D06',
    targetScope: TargetScope.EVERY_AREA,
    margin: '0',
    definition:
      '住房安全等级为 C/D 级 (不安全、尚未改造) 的农户数, 各区域目标均为 0 (应动态清零)。明细: 这些农户。',
  },
  village_collective_income_min: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.EVERY_AREA,
    margin: '10',
    definition:
      '分子: 上一年度 (报告期所在年度的前一年, 即最近结账年度) 集体经济收入 ≥ 50,000 元的行政村, 没有收入记录的村按未达标计; 分母: 行政村 (村委会, 不含社区)。明细: 未达标或没有收入记录的村。',
  },
  village_collective_income_high: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.EVERY_AREA,
    margin: '2',
    definition:
      '分子: 上一年度集体经济收入 ≥ 500,000 元的行政村; 分母: 行政村。口径同"村集体经济收入达到5万元以上的村占比", 标准为 50 万元。明细: 未达标或没有收入记录的村。',
  },
  one_village_one_product: {
    source: IndicatorSource.REPORTED,
    department: 'D01',
    targetScope: TargetScope.DISTRICT,
    margin: '1',
    definition:
      '填报: 获评全国"一村一品"示范村镇的村数 (农业农村部认定文件), 由区农业农村局填报; 这是国家级认定, 登记系统不记录 (村的特色产业不等于获评认定)。',
  },
  gansu_brand_products: {
    source: IndicatorSource.REPORTED,
    department: 'D13',
    targetScope: TargetScope.DISTRICT,
    margin: '1',
    definition: '填报: 入选"甘味"品牌的特色产品数 (省级目录), 由区商务局填报; 省级品牌目录不在登记系统内。',
  },
  rural_homestays: {
    source: IndicatorSource.REPORTED,
    department: 'D12',
    targetScope: TargetScope.DISTRICT,
    margin: '10',
    definition: '填报: 特色乡村民宿数量 (文旅部门登记), 由区文旅局填报; 民宿不在登记系统内。',
  },
  relocated_households: {
    source: IndicatorSource.COMPUTED,
    department: 'D07',
    targetScope: TargetScope.DISTRICT,
    margin: '11',
    definition: '登记在安置点的搬迁户数; 全区合计应与"十三五"搬迁 1,082 户一致。明细: 搬迁户。',
  },
  relocated_people: {
    source: IndicatorSource.COMPUTED,
    department: 'D07',
    targetScope: TargetScope.DISTRICT,
    margin: '36',
    definition: '有安置点的搬迁户的成员数, 应与 3,601 人一致。明细: 搬迁户。',
  },
  alleviated_income_growth: {
    source: IndicatorSource.COMPUTED,
    department: 'D01',
    targetScope: TargetScope.DISTRICT,
    margin: '0.5',
    definition:
      '单位为百分点: 脱贫户人均纯收入增速 (登记的家庭收入, 最近结账年度比上一年度) 减全区农村居民人均可支配收入增速 (来自统计部门抽样调查, 由区农业农村局按期填报, 单位 %)。缺少任一年度收入或未填报增速时为暂无数据。',
  },
  land_revenue_to_agriculture: {
    source: IndicatorSource.REPORTED,
    department: 'D03',
    targetScope: TargetScope.DISTRICT,
    margin: '5',
    definition:
      '填报: 土地出让收益用于农业农村支出的比例, 由区财政局依据财政账目填报; 登记系统不含财政账目。',
  },
  progress_report_day: {
    source: IndicatorSource.COMPUTED,
    department: 'D02',
    targetScope: TargetScope.EVERY_AREA,
    margin: '0',
    definition: '各单位月度工作进展报送日 (每月 20 日前)。登记系统中尚无月度工作进展报告时为暂无数据。',
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
