import Decimal from 'decimal.js';
import { defineEnum } from '../../common/enums';

/**
 * Person-level social assistance and sector fields (work plan §2.1, §4(5)): each owned by one
 * department (its code in the reference data), stamped with its source and as-of date, its
 * history kept (member_sector_value_history).
 */
export enum SectorField {
  SUBSISTENCE_ALLOWANCE = 'SUBSISTENCE_ALLOWANCE',
  SINGLE_PERSON_ALLOWANCE = 'SINGLE_PERSON_ALLOWANCE',
  EXTREME_POVERTY_SUPPORT = 'EXTREME_POVERTY_SUPPORT',
  ORPHAN = 'ORPHAN',
  DE_FACTO_UNSUPPORTED_CHILD = 'DE_FACTO_UNSUPPORTED_CHILD',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
  MEDICAL_SUBSIDY_CATEGORY = 'MEDICAL_SUBSIDY_CATEGORY',
  OUT_OF_POCKET_MEDICAL_YUAN = 'OUT_OF_POCKET_MEDICAL_YUAN',
  PENSION_INSURED = 'PENSION_INSURED',
  PENSION_PREMIUM_PAID_BY_GOVERNMENT = 'PENSION_PREMIUM_PAID_BY_GOVERNMENT',
  FAMILY_DOCTOR_SIGNED = 'FAMILY_DOCTOR_SIGNED',
  DISABILITY_TYPE = 'DISABILITY_TYPE',
  DISABILITY_GRADE = 'DISABILITY_GRADE',
  SCHOOL_NAME = 'SCHOOL_NAME',
  SCHOOL_GRADE = 'SCHOOL_GRADE',
  ENROLMENT_STATUS = 'ENROLMENT_STATUS',
  HOUSING_SAFETY_GRADE = 'HOUSING_SAFETY_GRADE',
  DRINKING_WATER_SAFE = 'DRINKING_WATER_SAFE',
}

/** 数据来源: a department's feed, a cadre's record, or the household's own report. */
export enum SectorSource {
  FEED = 'FEED',
  CADRE = 'CADRE',
  SELF_REPORT = 'SELF_REPORT',
}
defineEnum(SectorSource, 'SectorSource', 'Source of a sector field value. 数据来源', {
  FEED: '部门数据',
  CADRE: '干部采集',
  SELF_REPORT: '农户申报',
});

type Kind =
  | { type: 'BOOL' }
  | { type: 'ENUM'; values: Record<string, string> }
  | { type: 'INT'; min: number; max: number }
  | { type: 'MONEY' }
  | { type: 'TEXT'; max: number };

export interface SectorFieldSpec {
  label: string;
  /** Owning department's code (server/seed/data/departments.csv). */
  department: string;
  kind: Kind;
}

const BOOL: Kind = { type: 'BOOL' };
/** Department codes of the reference data. */
export const DEPARTMENT = {
  CIVIL_AFFAIRS: 'D11', // 区民政局
  MEDICAL_INSURANCE: 'D14', // 区医保局
  HEALTH: 'D05', // 区卫健局
  DISABLED_FEDERATION: 'D18', // 区残联
  EDUCATION: 'D09', // 区教育局
  HUMAN_RESOURCES: 'D04', // 区人社局
  HOUSING: 'D06', // 区住建局
  WATER: 'D10', // 区水务局
} as const;

/** Names of the owning departments (reference data), for labels. */
export const DEPARTMENT_NAMES: Record<string, string> = {
  D11: '区民政局',
  D14: '区医保局',
  D05: '区卫健局',
  D18: '区残联',
  D09: '区教育局',
  D04: '区人社局',
  D06: '区住建局',
  D10: '区水务局',
};

export const SECTOR_FIELDS: Record<SectorField, SectorFieldSpec> = {
  SUBSISTENCE_ALLOWANCE: { label: '低保', department: DEPARTMENT.CIVIL_AFFAIRS, kind: BOOL },
  SINGLE_PERSON_ALLOWANCE: { label: '单人户施保', department: DEPARTMENT.CIVIL_AFFAIRS, kind: BOOL },
  EXTREME_POVERTY_SUPPORT: {
    label: '特困供养',
    department: DEPARTMENT.CIVIL_AFFAIRS,
    kind: { type: 'ENUM', values: { NONE: '否', CENTRALIZED: '集中供养', DISPERSED: '分散供养' } },
  },
  ORPHAN: { label: '孤儿', department: DEPARTMENT.CIVIL_AFFAIRS, kind: BOOL },
  DE_FACTO_UNSUPPORTED_CHILD: { label: '事实无人抚养儿童', department: DEPARTMENT.CIVIL_AFFAIRS, kind: BOOL },
  LEFT_BEHIND_CHILD: { label: '留守儿童', department: DEPARTMENT.CIVIL_AFFAIRS, kind: BOOL },
  MEDICAL_SUBSIDY_CATEGORY: {
    label: '医保资助类别',
    department: DEPARTMENT.MEDICAL_INSURANCE,
    kind: { type: 'ENUM', values: { NONE: '无', FULL: '全额资助', FIXED: '定额资助' } },
  },
  OUT_OF_POCKET_MEDICAL_YUAN: {
    label: '年度个人自付医疗费用(元)',
    department: DEPARTMENT.MEDICAL_INSURANCE,
    kind: { type: 'MONEY' },
  },
  PENSION_INSURED: { label: '城乡居民养老保险参保', department: DEPARTMENT.HUMAN_RESOURCES, kind: BOOL },
  PENSION_PREMIUM_PAID_BY_GOVERNMENT: {
    label: '养老保险政府代缴',
    department: DEPARTMENT.HUMAN_RESOURCES,
    kind: BOOL,
  },
  FAMILY_DOCTOR_SIGNED: { label: '家庭医生签约', department: DEPARTMENT.HEALTH, kind: BOOL },
  DISABILITY_TYPE: {
    label: '残疾类别',
    department: DEPARTMENT.DISABLED_FEDERATION,
    kind: {
      type: 'ENUM',
      values: {
        VISUAL: '视力残疾',
        HEARING: '听力残疾',
        SPEECH: '言语残疾',
        PHYSICAL: '肢体残疾',
        INTELLECTUAL: '智力残疾',
        MENTAL: '精神残疾',
        MULTIPLE: '多重残疾',
      },
    },
  },
  DISABILITY_GRADE: {
    label: '残疾等级',
    department: DEPARTMENT.DISABLED_FEDERATION,
    kind: { type: 'INT', min: 1, max: 4 },
  },
  SCHOOL_NAME: { label: '就读学校', department: DEPARTMENT.EDUCATION, kind: { type: 'TEXT', max: 100 } },
  SCHOOL_GRADE: { label: '年级', department: DEPARTMENT.EDUCATION, kind: { type: 'TEXT', max: 20 } },
  ENROLMENT_STATUS: {
    label: '在校状态',
    department: DEPARTMENT.EDUCATION,
    kind: { type: 'ENUM', values: { ENROLLED: '在校', DROPPED_OUT: '辍学', GRADUATED: '毕业' } },
  },
  HOUSING_SAFETY_GRADE: {
    label: '住房安全等级',
    department: DEPARTMENT.HOUSING,
    kind: { type: 'ENUM', values: { A: 'A级', B: 'B级', C: 'C级', D: 'D级' } },
  },
  DRINKING_WATER_SAFE: { label: '饮水安全', department: DEPARTMENT.WATER, kind: BOOL },
};

defineEnum(
  SectorField,
  'SectorField',
  'Person-level social assistance or sector field, each owned by one department (work plan §2.1, §4(5)). 部门业务字段',
  Object.fromEntries(
    Object.entries(SECTOR_FIELDS).map(([k, s]) => [k, `${s.label}（${DEPARTMENT_NAMES[s.department]}）`]),
  ) as Record<SectorField, string>,
);

/** How a value is written in the API: booleans `true`/`false`, enum codes, integers, yuan with ≤ 2 decimals. */
export function describeKind(kind: Kind): string {
  switch (kind.type) {
    case 'BOOL':
      return 'true or false';
    case 'ENUM':
      return Object.keys(kind.values).join(', ');
    case 'INT':
      return `integer ${kind.min}–${kind.max}`;
    case 'MONEY':
      return 'yuan, ≥ 0, at most two decimals';
    case 'TEXT':
      return `text of at most ${kind.max} characters`;
  }
}

const YES = new Set(['是', 'true', 'TRUE', '1', 'Y', 'y']);
const NO = new Set(['否', 'false', 'FALSE', '0', 'N', 'n']);

/**
 * The stored text of a value given in the API (codes) or in a file (Chinese labels too), or the reason
 * it is refused (INVALID_VALUE, INVALID_INT, OUT_OF_RANGE, INVALID_MONEY, TOO_LONG).
 */
export function normalizeValue(field: SectorField, raw: string): { value: string } | { reason: string } {
  const kind = SECTOR_FIELDS[field].kind;
  const v = raw.trim();
  switch (kind.type) {
    case 'BOOL':
      if (YES.has(v)) return { value: 'true' };
      if (NO.has(v)) return { value: 'false' };
      return { reason: 'INVALID_VALUE' };
    case 'ENUM': {
      if (v in kind.values) return { value: v };
      const code = Object.entries(kind.values).find(([, label]) => label === v)?.[0];
      return code ? { value: code } : { reason: 'INVALID_VALUE' };
    }
    case 'INT': {
      if (!/^\d{1,3}$/.test(v)) return { reason: 'INVALID_INT' };
      const n = Number(v);
      return n < kind.min || n > kind.max ? { reason: 'OUT_OF_RANGE' } : { value: String(n) };
    }
    case 'MONEY':
      if (!/^\d{1,12}(\.\d{1,2})?$/.test(v)) return { reason: 'INVALID_MONEY' };
      return { value: new Decimal(v).toFixed(2) };
    case 'TEXT':
      if (!v) return { reason: 'REQUIRED' };
      return [...v].length > kind.max ? { reason: 'TOO_LONG' } : { value: v };
  }
}

/** The Chinese text of a stored value (exports, templates, the console). */
export function valueLabel(field: SectorField, value: string | null): string {
  if (value === null) return '';
  const kind = SECTOR_FIELDS[field].kind;
  if (kind.type === 'BOOL') return value === 'true' ? '是' : '否';
  if (kind.type === 'ENUM') return kind.values[value] ?? value;
  return value;
}
