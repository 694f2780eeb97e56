import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plan indicators' definitions (口径) are shown in the Chinese console and in the compiled monthly
 * report; the seeded ones carried an English half. Rewrites each seeded definition that was not
 * edited since (the row still holds the seeded text) to its Chinese-only wording; edited ones stay.
 */
const DEFINITIONS: [key: string, seeded: string, chinese: string][] = [
  [
    'compulsory_education_retention',
    '分子: 6–15 周岁 (期末日的周岁) 且在校生状况不是辍学的成员; 分母: 6–15 周岁成员. Numerator: members aged 6–15 in full years on the period’s last day whose school status is not DROPPED_OUT; denominator: members of that age. Drill-down: the children who dropped out.',
    '分子: 6–15 周岁 (按报告期末日计算的周岁) 且在校生状况不是辍学的成员; 分母: 6–15 周岁成员。明细: 辍学的儿童。',
  ],
  [
    'alleviated_medical_insurance',
    '分子: 脱贫户成员中参加基本医疗保险的; 分母: 脱贫户成员. Numerator: members of ALLEVIATED households with medicalInsured; denominator: members of ALLEVIATED households. Drill-down: the uninsured.',
    '分子: 脱贫户成员中参加基本医疗保险的; 分母: 脱贫户成员。明细: 未参保的成员。',
  ],
  [
    'unsafe_housing_new',
    '住房安全等级为 C/D 级的农户数 (应动态清零). Households whose housing safety grade is C or D (unsafe, not yet repaired); target 0 in every area. Drill-down: those households.',
    '住房安全等级为 C/D 级 (不安全、尚未改造) 的农户数, 各区域目标均为 0 (应动态清零)。明细: 这些农户。',
  ],
  [
    'village_collective_income_min',
    '分子: 上一年度集体经济收入 ≥ 50,000 元的行政村; 分母: 行政村 (村委会). Numerator: village committees whose collective income of the year before the period’s year (the last closed year) is at least 50,000 yuan; a village without an income row counts as below. Denominator: village committees (communities excluded). Drill-down: the villages below or without a row.',
    '分子: 上一年度 (报告期所在年度的前一年, 即最近结账年度) 集体经济收入 ≥ 50,000 元的行政村, 没有收入记录的村按未达标计; 分母: 行政村 (村委会, 不含社区)。明细: 未达标或没有收入记录的村。',
  ],
  [
    'village_collective_income_high',
    '分子: 上一年度集体经济收入 ≥ 500,000 元的行政村; 分母: 行政村. As village_collective_income_min with 500,000 yuan. Drill-down: the villages below or without a row.',
    '分子: 上一年度集体经济收入 ≥ 500,000 元的行政村; 分母: 行政村。口径同"村集体经济收入达到5万元以上的村占比", 标准为 50 万元。明细: 未达标或没有收入记录的村。',
  ],
  [
    'one_village_one_product',
    '填报: 获评全国"一村一品"示范村镇的村数 (农业农村部认定文件). Reported by 区农业农村局: a national recognition the register does not record (a village’s featuredIndustry is not the recognition).',
    '填报: 获评全国"一村一品"示范村镇的村数 (农业农村部认定文件), 由区农业农村局填报; 这是国家级认定, 登记系统不记录 (村的特色产业不等于获评认定)。',
  ],
  [
    'gansu_brand_products',
    '填报: 入选"甘味"品牌的特色产品数 (省级目录). Reported by 区商务局: the provincial brand list is outside the register.',
    '填报: 入选"甘味"品牌的特色产品数 (省级目录), 由区商务局填报; 省级品牌目录不在登记系统内。',
  ],
  [
    'rural_homestays',
    '填报: 特色乡村民宿数量 (文旅部门登记). Reported by 区文旅局: homestays are not in the register.',
    '填报: 特色乡村民宿数量 (文旅部门登记), 由区文旅局填报; 民宿不在登记系统内。',
  ],
  [
    'relocated_households',
    '登记在安置点的搬迁户数 (应与"十三五"搬迁 1,082 户一致). Households with a relocation site; the district total should equal the plan’s 1,082. Drill-down: the relocated households.',
    '登记在安置点的搬迁户数; 全区合计应与"十三五"搬迁 1,082 户一致。明细: 搬迁户。',
  ],
  [
    'relocated_people',
    '搬迁户的成员数 (应与 3,601 人一致). Members of households with a relocation site; should equal 3,601. Drill-down: the relocated households.',
    '有安置点的搬迁户的成员数, 应与 3,601 人一致。明细: 搬迁户。',
  ],
  [
    'alleviated_income_growth',
    '脱贫户人均纯收入增速 (登记数据, 上一年度比再上一年度) 减全区农村居民人均可支配收入增速 (区农业农村局按期填报, %). Computed in percentage points: the growth of the alleviated households’ per-capita net income (the register’s household incomes, last closed year against the year before) minus the district’s rural per-capita income growth, which comes from the statistics bureau’s survey and is reported (reportIndicatorValue, in percent) by 区农业农村局. NO_DATA without both years or the reported growth.',
    '单位为百分点: 脱贫户人均纯收入增速 (登记的家庭收入, 最近结账年度比上一年度) 减全区农村居民人均可支配收入增速 (来自统计部门抽样调查, 由区农业农村局按期填报, 单位 %)。缺少任一年度收入或未填报增速时为暂无数据。',
  ],
  [
    'land_revenue_to_agriculture',
    '填报: 土地出让收益用于农业农村支出的比例. Reported by 区财政局 from the fiscal accounts, which the register does not hold.',
    '填报: 土地出让收益用于农业农村支出的比例, 由区财政局依据财政账目填报; 登记系统不含财政账目。',
  ],
  [
    'progress_report_day',
    '各单位月度工作进展报送日 (每月 20 日前). The day of month by which the units’ monthly progress reports arrive. NO_DATA until monthly progress reports (ProgressReport) exist in the register.',
    '各单位月度工作进展报送日 (每月 20 日前)。登记系统中尚无月度工作进展报告时为暂无数据。',
  ],
];

export class ChineseIndicatorDefinitions1796160000000 implements MigrationInterface {
  name = 'ChineseIndicatorDefinitions1796160000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [key, seeded, chinese] of DEFINITIONS)
      await queryRunner.query(
        `UPDATE "plan_indicator" SET "definition" = $1 WHERE "key" = $2 AND "definition" = $3`,
        [chinese, key, seeded],
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [key, seeded, chinese] of DEFINITIONS)
      await queryRunner.query(
        `UPDATE "plan_indicator" SET "definition" = $1 WHERE "key" = $2 AND "definition" = $3`,
        [seeded, key, chinese],
      );
  }
}
