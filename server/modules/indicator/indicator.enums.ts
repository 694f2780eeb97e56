import { defineEnum } from '../../common/enums';

/** How an indicator's value is obtained (DHIS2-style: defined over the register, never typed in). */
export enum IndicatorSource {
  COMPUTED = 'COMPUTED',
  REPORTED = 'REPORTED',
}
defineEnum(IndicatorSource, 'IndicatorSource', 'How an indicator’s value is obtained. 取数方式', {
  COMPUTED: '由登记数据计算 (numerator/denominator over the register)',
  REPORTED: '主管部门按期填报 (entered per period by the owning department with its source document)',
});

/** The plan's comparison of value against target (plan-targets.csv `comparison`). */
export enum IndicatorComparison {
  GTE = 'GTE',
  GT = 'GT',
  LTE = 'LTE',
  EQ = 'EQ',
}
defineEnum(IndicatorComparison, 'IndicatorComparison', 'Comparison of the value with the target. 比较方式', {
  GTE: '≥ 不低于目标',
  GT: '> 高于目标',
  LTE: '≤ 不高于目标',
  EQ: '= 等于目标',
});

/**
 * Status of an indicator in one area and period. The rule (also in the schema): NO_DATA when the
 * denominator is 0, the reported figure or the area's target is missing; MET when the value meets
 * the target's comparison; AT_RISK when it misses it by at most the indicator's `margin` (in the
 * indicator's unit); MISSED otherwise.
 */
export enum IndicatorStatus {
  MET = 'MET',
  AT_RISK = 'AT_RISK',
  MISSED = 'MISSED',
  NO_DATA = 'NO_DATA',
}
defineEnum(
  IndicatorStatus,
  'IndicatorStatus',
  'Status against the target: NO_DATA when the denominator is 0 or the reported figure or the area’s target is missing; ' +
    'MET when the value meets the comparison (≥, >, ≤, =); AT_RISK when it misses it by at most the indicator’s margin ' +
    '(in its unit; EQ: |value − target| ≤ margin); MISSED otherwise. 达标状态',
  {
    MET: '达标',
    AT_RISK: '预警 (差距在容差内)',
    MISSED: '未达标',
    NO_DATA: '无数据',
  },
);

/** Whether the plan's target holds in every area or only for the district as a whole. */
export enum TargetScope {
  EVERY_AREA = 'EVERY_AREA',
  DISTRICT = 'DISTRICT',
}
defineEnum(TargetScope, 'TargetScope', 'Where the catalogue target applies. 目标适用范围', {
  EVERY_AREA: '各级通用 (a rate or zero target: the same in the district, each township and village)',
  DISTRICT: '仅全区 (a district total: townships use their own targets, NO_DATA where none is set)',
});

/** Breakdown of an indicator by area. */
export enum IndicatorGroupBy {
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
defineEnum(IndicatorGroupBy, 'IndicatorGroupBy', 'Breakdown of an indicator by area. 指标分解', {
  TOWNSHIP: '按乡镇',
  VILLAGE: '按行政村',
});

/** Why a snapshot was taken. */
export enum SnapshotKind {
  MONTH_END = 'MONTH_END',
  ON_DEMAND = 'ON_DEMAND',
}
defineEnum(SnapshotKind, 'SnapshotKind', 'Why a snapshot was taken. 快照类型', {
  MONTH_END:
    '月末快照 (one per month: by the server after the month ends, or when a past month is first asked for)',
  ON_DEMAND: '按需快照 (takeIndicatorSnapshot)',
});

/** Kind of the rows a drill-down lists. */
export enum DrillRowKind {
  MEMBER = 'MEMBER',
  HOUSEHOLD = 'HOUSEHOLD',
  VILLAGE = 'VILLAGE',
}
defineEnum(DrillRowKind, 'DrillRowKind', 'Kind of a drill-down row. 明细类型', {
  MEMBER: '家庭成员',
  HOUSEHOLD: '农户',
  VILLAGE: '行政村',
});

/** Dimensions of member statistics. */
export enum MemberDimension {
  AGE_BAND = 'AGE_BAND',
  GENDER = 'GENDER',
  SCHOOL_STATUS = 'SCHOOL_STATUS',
  MEDICAL_INSURED = 'MEDICAL_INSURED',
  HEALTH_STATUS = 'HEALTH_STATUS',
  DISABILITY_GRADE = 'DISABILITY_GRADE',
  LABOR_CAPACITY = 'LABOR_CAPACITY',
  HOUSEHOLD_TYPE = 'HOUSEHOLD_TYPE',
  TOWNSHIP = 'TOWNSHIP',
}
defineEnum(MemberDimension, 'MemberDimension', 'Dimension of member statistics. 人口统计维度', {
  AGE_BAND: '年龄段 (age in full years on the reference date, computed on the server: 0–5, 6–15, 16–59, 60+)',
  GENDER: '性别',
  SCHOOL_STATUS: '在校生状况',
  MEDICAL_INSURED: '基本医疗保险参保',
  HEALTH_STATUS: '健康状况',
  DISABILITY_GRADE: '残疾等级 (NONE or 1–4)',
  LABOR_CAPACITY: '劳动能力',
  HOUSEHOLD_TYPE: '农户类型',
  TOWNSHIP: '乡镇',
});
