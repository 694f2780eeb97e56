import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** Kind of a responsible unit (责任单位) named in the district work plan. */
export enum DepartmentKind {
  PARTY = 'PARTY',
  GOVERNMENT = 'GOVERNMENT',
  CITY_BRANCH = 'CITY_BRANCH',
  PEOPLE_ORGANIZATION = 'PEOPLE_ORGANIZATION',
  TOWNSHIP = 'TOWNSHIP',
  OTHER = 'OTHER',
}
defineEnum(DepartmentKind, 'DepartmentKind', 'Kind of responsible unit. 单位类别', {
  PARTY: '党委部门',
  GOVERNMENT: '政府部门',
  CITY_BRANCH: '市直部门驻区分局',
  PEOPLE_ORGANIZATION: '群团组织',
  TOWNSHIP: '乡镇党委政府',
  OTHER: '其他单位',
});

export const DepartmentKindFilter = enumFilter(DepartmentKind, 'DepartmentKind', '单位类别');
