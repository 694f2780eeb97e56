import { defineEnum } from '../../common/enums';
import { enumArrayFilter, enumFilter } from '../../common/listing/filters';

/** 监测对象类别 (the national categories). */
export enum MonitoringCategory {
  UNSTABLE_ALLEVIATED = 'UNSTABLE_ALLEVIATED',
  MARGINAL = 'MARGINAL',
  SUDDEN_HARDSHIP = 'SUDDEN_HARDSHIP',
}
defineEnum(MonitoringCategory, 'MonitoringCategory', 'Category of a monitored household. 监测对象类别', {
  UNSTABLE_ALLEVIATED: '脱贫不稳定户',
  MARGINAL: '边缘易致贫户',
  SUDDEN_HARDSHIP: '突发严重困难户',
});

/** 风险类型, with the national codes (the national categories). */
export enum RiskType {
  ILLNESS = 'ILLNESS',
  NATURAL_DISASTER = 'NATURAL_DISASTER',
  DISABILITY = 'DISABILITY',
  LABOR_SHORTAGE = 'LABOR_SHORTAGE',
  ACCIDENT = 'ACCIDENT',
  INDUSTRY_FAILURE = 'INDUSTRY_FAILURE',
  UNSTABLE_EMPLOYMENT = 'UNSTABLE_EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  HOUSING_SAFETY = 'HOUSING_SAFETY',
  DRINKING_WATER_SAFETY = 'DRINKING_WATER_SAFETY',
  OTHER = 'OTHER',
}
defineEnum(RiskType, 'RiskType', 'Risk type of a monitoring case (national code). 风险类型', {
  ILLNESS: '因病 (01)',
  NATURAL_DISASTER: '因自然灾害 (02)',
  DISABILITY: '因残 (03)',
  LABOR_SHORTAGE: '缺劳力 (04)',
  ACCIDENT: '因意外事故 (05)',
  INDUSTRY_FAILURE: '因产业项目失败 (06)',
  UNSTABLE_EMPLOYMENT: '因务工就业不稳 (07)',
  EDUCATION: '因学 (09)',
  HOUSING_SAFETY: '住房出现安全问题',
  DRINKING_WATER_SAFETY: '饮水安全问题',
  OTHER: '其他 (99)',
});

/** 发现方式: how the risk came to light (农户申请, 部门筛查预警, 基层干部排查). */
export enum DiscoverySource {
  SELF_REPORT = 'SELF_REPORT',
  CADRE_VISIT = 'CADRE_VISIT',
  DEPARTMENT_ALERT = 'DEPARTMENT_ALERT',
}
defineEnum(DiscoverySource, 'DiscoverySource', 'How a risk was discovered. 发现方式', {
  SELF_REPORT: '农户自主申报',
  CADRE_VISIT: '基层干部排查',
  DEPARTMENT_ALERT: '部门筛查预警',
});

/** Steps of the identification procedure (识别程序). */
export enum MonitoringStatus {
  CLUE = 'CLUE',
  VERIFIED = 'VERIFIED',
  PUBLICIZED = 'PUBLICIZED',
  APPROVED = 'APPROVED',
  RISK_ELIMINATED = 'RISK_ELIMINATED',
  REJECTED = 'REJECTED',
}
defineEnum(MonitoringStatus, 'MonitoringStatus', 'Step of a monitoring case. 监测对象识别状态', {
  CLUE: '线索待核实',
  VERIFIED: '已入户核实',
  PUBLICIZED: '公示中',
  APPROVED: '已纳入监测',
  RISK_ELIMINATED: '风险已消除',
  REJECTED: '不予纳入',
});

export enum EliminationMethod {
  ASSISTED = 'ASSISTED',
  NATURAL = 'NATURAL',
}
defineEnum(EliminationMethod, 'EliminationMethod', 'How the risk was eliminated. 风险消除方式', {
  ASSISTED: '帮扶消除',
  NATURAL: '自然消除',
});

export const MonitoringCategoryFilter = enumFilter(MonitoringCategory, 'MonitoringCategory', '监测对象类别');
export const DiscoverySourceFilter = enumFilter(DiscoverySource, 'DiscoverySource', '发现方式');
export const MonitoringStatusFilter = enumFilter(MonitoringStatus, 'MonitoringStatus', '识别状态');
export const EliminationMethodFilter = enumFilter(EliminationMethod, 'EliminationMethod', '风险消除方式');

/** Open (not yet closed) steps: a household has at most one case in these. */
export const OPEN_STATUSES = [
  MonitoringStatus.CLUE,
  MonitoringStatus.VERIFIED,
  MonitoringStatus.PUBLICIZED,
  MonitoringStatus.APPROVED,
];

/** Filter on a case's risk types (issue #16: MonitoringCaseFilter by risk type). */
export const RiskTypeListFilter = enumArrayFilter(RiskType, 'RiskType', '风险类型');
