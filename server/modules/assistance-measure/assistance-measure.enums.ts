import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** National categories of assistance measures (帮扶措施类型, the national categories). */
export enum MeasureType {
  INDUSTRY = 'INDUSTRY',
  EMPLOYMENT = 'EMPLOYMENT',
  FINANCE = 'FINANCE',
  PUBLIC_WELFARE_JOB = 'PUBLIC_WELFARE_JOB',
  HEALTH = 'HEALTH',
  COMPULSORY_EDUCATION = 'COMPULSORY_EDUCATION',
  OTHER_EDUCATION = 'OTHER_EDUCATION',
  SOCIAL_SECURITY = 'SOCIAL_SECURITY',
  HOUSING_SAFETY = 'HOUSING_SAFETY',
  DRINKING_WATER = 'DRINKING_WATER',
  SOCIAL_SUPPORT = 'SOCIAL_SUPPORT',
  RELOCATION = 'RELOCATION',
  LIVING_CONDITIONS = 'LIVING_CONDITIONS',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  OTHER = 'OTHER',
}
defineEnum(MeasureType, 'MeasureType', 'Type of assistance measure. 帮扶措施类型', {
  INDUSTRY: '产业帮扶',
  EMPLOYMENT: '就业帮扶',
  FINANCE: '金融帮扶 (小额信贷)',
  PUBLIC_WELFARE_JOB: '公益岗位帮扶',
  HEALTH: '健康帮扶',
  COMPULSORY_EDUCATION: '义务教育保障',
  OTHER_EDUCATION: '其他教育帮扶',
  SOCIAL_SECURITY: '综合保障 (低保/特困/临时救助)',
  HOUSING_SAFETY: '住房安全保障',
  DRINKING_WATER: '饮水安全保障',
  SOCIAL_SUPPORT: '社会帮扶',
  RELOCATION: '易地搬迁',
  LIVING_CONDITIONS: '生产生活条件改善',
  INFRASTRUCTURE: '基础设施建设',
  OTHER: '其他',
});

export enum MeasureStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
defineEnum(MeasureStatus, 'MeasureStatus', 'Status of a measure. 措施状态', {
  PLANNED: '计划中',
  IN_PROGRESS: '实施中',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
});

export const MeasureTypeFilter = enumFilter(MeasureType, 'MeasureType', '帮扶措施类型');
export const MeasureStatusFilter = enumFilter(MeasureStatus, 'MeasureStatus', '措施状态');
