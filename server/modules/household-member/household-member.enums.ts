import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
defineEnum(Gender, 'Gender', 'Gender, from digit 17 of the ID number. 性别', { MALE: '男', FEMALE: '女' });

/** 与户主关系: relation to the head of household. */
export enum RelationToHead {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  SON = 'SON',
  DAUGHTER = 'DAUGHTER',
  DAUGHTER_IN_LAW = 'DAUGHTER_IN_LAW',
  SON_IN_LAW = 'SON_IN_LAW',
  GRANDSON = 'GRANDSON',
  GRANDDAUGHTER = 'GRANDDAUGHTER',
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}
defineEnum(RelationToHead, 'RelationToHead', 'Relation to the head of household. 与户主关系', {
  HEAD: '户主',
  SPOUSE: '配偶',
  SON: '之子',
  DAUGHTER: '之女',
  DAUGHTER_IN_LAW: '之儿媳',
  SON_IN_LAW: '之女婿',
  GRANDSON: '之孙子',
  GRANDDAUGHTER: '之孙女',
  FATHER: '之父',
  MOTHER: '之母',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
});

/** 文化程度: highest education completed. */
export enum EducationLevel {
  NONE = 'NONE',
  PRESCHOOL = 'PRESCHOOL',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  VOCATIONAL = 'VOCATIONAL',
  COLLEGE = 'COLLEGE',
  UNIVERSITY = 'UNIVERSITY',
}
defineEnum(EducationLevel, 'EducationLevel', 'Highest education completed. 文化程度', {
  NONE: '文盲或半文盲',
  PRESCHOOL: '学龄前',
  PRIMARY: '小学',
  JUNIOR_SECONDARY: '初中',
  SENIOR_SECONDARY: '高中',
  VOCATIONAL: '中专/职高',
  COLLEGE: '大专',
  UNIVERSITY: '本科及以上',
});

/** 在校生状况. DROPPED_OUT (辍学) is what compulsory-education monitoring looks for. */
export enum SchoolStatus {
  NOT_IN_SCHOOL = 'NOT_IN_SCHOOL',
  PRESCHOOL = 'PRESCHOOL',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL',
  HIGHER_EDUCATION = 'HIGHER_EDUCATION',
  DROPPED_OUT = 'DROPPED_OUT',
}
defineEnum(SchoolStatus, 'SchoolStatus', 'School attendance. 在校生状况', {
  NOT_IN_SCHOOL: '非在校生',
  PRESCHOOL: '学前教育',
  PRIMARY: '小学在读',
  JUNIOR_SECONDARY: '初中在读',
  SENIOR_SECONDARY: '高中在读',
  SECONDARY_VOCATIONAL: '中职在读',
  HIGHER_EDUCATION: '高职/大学在读',
  DROPPED_OUT: '辍学',
});

export enum HealthStatus {
  HEALTHY = 'HEALTHY',
  CHRONIC_ILLNESS = 'CHRONIC_ILLNESS',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  DISABLED = 'DISABLED',
}
defineEnum(HealthStatus, 'HealthStatus', 'Health status. 健康状况', {
  HEALTHY: '健康',
  CHRONIC_ILLNESS: '长期慢性病',
  SERIOUS_ILLNESS: '患有大病',
  DISABLED: '残疾',
});

export enum LaborCapacity {
  FULL = 'FULL',
  PARTIAL = 'PARTIAL',
  LOST = 'LOST',
  NONE = 'NONE',
}
defineEnum(LaborCapacity, 'LaborCapacity', 'Labour capacity. 劳动能力', {
  FULL: '普通劳动力',
  PARTIAL: '弱劳动力或半劳动力',
  LOST: '丧失劳动力',
  NONE: '无劳动力 (未成年或在校)',
});

export enum WorkLocation {
  NONE = 'NONE',
  IN_COUNTY = 'IN_COUNTY',
  IN_PROVINCE = 'IN_PROVINCE',
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE',
}
defineEnum(WorkLocation, 'WorkLocation', 'Where the member works. 务工区域', {
  NONE: '未务工',
  IN_COUNTY: '县内务工',
  IN_PROVINCE: '省内县外务工',
  OUT_OF_PROVINCE: '省外务工',
});

export const GenderFilter = enumFilter(Gender, 'Gender', '性别');
export const RelationToHeadFilter = enumFilter(RelationToHead, 'RelationToHead', '与户主关系');
export const EducationLevelFilter = enumFilter(EducationLevel, 'EducationLevel', '文化程度');
export const SchoolStatusFilter = enumFilter(SchoolStatus, 'SchoolStatus', '在校生状况');
export const HealthStatusFilter = enumFilter(HealthStatus, 'HealthStatus', '健康状况');
export const LaborCapacityFilter = enumFilter(LaborCapacity, 'LaborCapacity', '劳动能力');
export const WorkLocationFilter = enumFilter(WorkLocation, 'WorkLocation', '务工区域');
