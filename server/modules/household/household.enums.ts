import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** 脱贫户 / 普通农户 (the national categories). */
export enum HouseholdType {
  ALLEVIATED = 'ALLEVIATED',
  ORDINARY = 'ORDINARY',
}
defineEnum(HouseholdType, 'HouseholdType', 'Household type. 农户类型', {
  ALLEVIATED: '脱贫户',
  ORDINARY: '普通农户',
});

/** Housing safety grade of the house appraisal (房屋安全鉴定): A/B safe, C/D unsafe. */
export enum HousingSafety {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
defineEnum(HousingSafety, 'HousingSafety', 'Housing safety grade. 住房安全等级', {
  A: 'A级 (安全)',
  B: 'B级 (基本安全)',
  C: 'C级 (局部危险)',
  D: 'D级 (整栋危险)',
});

export const HouseholdTypeFilter = enumFilter(HouseholdType, 'HouseholdType', '农户类型');
export const HousingSafetyFilter = enumFilter(HousingSafety, 'HousingSafety', '住房安全等级');
