import Decimal from 'decimal.js';
import { defineEnum } from '../../common/enums';
import { RiskType } from '../monitoring/monitoring.enums';
import { DEPARTMENT, SECTOR_FIELDS, SectorField } from './sector-fields';

/**
 * Department feeds (work plan §2.2 交换比对数据、部门信息比对): one template per feed, rows matched to
 * members by ID number (keyed hash); matched rows update only the department's own fields, rules
 * over the rows open DEPARTMENT_ALERT clues.
 */
export enum FeedKind {
  CIVIL_AFFAIRS_ROLL = 'CIVIL_AFFAIRS_ROLL',
  MEDICAL_INSURANCE = 'MEDICAL_INSURANCE',
  DISABILITY_CERTIFICATES = 'DISABILITY_CERTIFICATES',
  PUPILS = 'PUPILS',
  DANGEROUS_HOUSES = 'DANGEROUS_HOUSES',
  DRINKING_WATER = 'DRINKING_WATER',
  PENSION_INSURANCE = 'PENSION_INSURANCE',
  FAMILY_DOCTOR = 'FAMILY_DOCTOR',
}

/** Large out-of-pocket medical costs (yuan) that open a clue (configurable: FEED_MEDICAL_COST_YUAN). */
export const MEDICAL_COST_LIMIT_YUAN = process.env.FEED_MEDICAL_COST_YUAN || '20000';
/** Share of the household's latest net income that out-of-pocket costs may reach (FEED_MEDICAL_COST_SHARE). */
export const MEDICAL_COST_INCOME_SHARE = process.env.FEED_MEDICAL_COST_SHARE || '0.5';

/** What a rule sees of a row: the member's values before and after, and the household's latest net income. */
export interface RuleInput {
  before: Partial<Record<SectorField, string>>;
  after: Partial<Record<SectorField, string>>;
  /** Latest year's net income of the household (yuan), null when none is recorded. */
  householdNetIncomeYuan: string | null;
}

export interface FeedRule {
  code: string;
  riskType: RiskType;
  /** The Chinese reason when the rule fires on the row, else null; `key` identifies the triggering values. */
  fires(input: RuleInput): { reason: string; key: string } | null;
}

export interface FeedSpec {
  label: string;
  department: string;
  /** Sector fields the feed carries (all the department's own), as columns under their labels. */
  fields: SectorField[];
  rules: FeedRule[];
}

const FEED_FIELDS = (department: string, ...fields: SectorField[]) => {
  for (const f of fields)
    if (SECTOR_FIELDS[f].department !== department) throw new Error(`${f} is not owned by ${department}`);
  return fields;
};

export const FEEDS: Record<FeedKind, FeedSpec> = {
  CIVIL_AFFAIRS_ROLL: {
    label: '民政低保、特困及困境儿童名册',
    department: DEPARTMENT.CIVIL_AFFAIRS,
    fields: FEED_FIELDS(
      DEPARTMENT.CIVIL_AFFAIRS,
      SectorField.SUBSISTENCE_ALLOWANCE,
      SectorField.SINGLE_PERSON_ALLOWANCE,
      SectorField.EXTREME_POVERTY_SUPPORT,
      SectorField.ORPHAN,
      SectorField.DE_FACTO_UNSUPPORTED_CHILD,
      SectorField.LEFT_BEHIND_CHILD,
    ),
    rules: [
      {
        code: 'ALLOWANCE_ENDED',
        riskType: RiskType.OTHER,
        fires: ({ before, after }) =>
          before.SUBSISTENCE_ALLOWANCE === 'true' && after.SUBSISTENCE_ALLOWANCE === 'false'
            ? { reason: '民政：低保退出，需核实家庭收入是否稳定', key: 'false' }
            : null,
      },
    ],
  },
  MEDICAL_INSURANCE: {
    label: '医保参保资助及大额自付费用',
    department: DEPARTMENT.MEDICAL_INSURANCE,
    fields: FEED_FIELDS(
      DEPARTMENT.MEDICAL_INSURANCE,
      SectorField.MEDICAL_SUBSIDY_CATEGORY,
      SectorField.OUT_OF_POCKET_MEDICAL_YUAN,
    ),
    rules: [
      {
        code: 'LARGE_MEDICAL_COST',
        riskType: RiskType.ILLNESS,
        fires: ({ after, householdNetIncomeYuan }) => {
          const cost = after.OUT_OF_POCKET_MEDICAL_YUAN;
          if (cost === undefined) return null;
          const c = new Decimal(cost);
          if (c.gt(MEDICAL_COST_LIMIT_YUAN))
            return {
              reason: `医保：个人自付医疗费用 ${c.toFixed(2)} 元，超过 ${MEDICAL_COST_LIMIT_YUAN} 元`,
              key: cost,
            };
          if (householdNetIncomeYuan !== null) {
            const limit = new Decimal(householdNetIncomeYuan).mul(MEDICAL_COST_INCOME_SHARE);
            if (c.gt(0) && c.gt(limit))
              return {
                reason: `医保：个人自付医疗费用 ${c.toFixed(2)} 元，超过家庭年纯收入的 ${new Decimal(MEDICAL_COST_INCOME_SHARE).mul(100).toFixed(0)}%`,
                key: cost,
              };
          }
          return null;
        },
      },
    ],
  },
  DISABILITY_CERTIFICATES: {
    label: '残联残疾人证',
    department: DEPARTMENT.DISABLED_FEDERATION,
    fields: FEED_FIELDS(
      DEPARTMENT.DISABLED_FEDERATION,
      SectorField.DISABILITY_TYPE,
      SectorField.DISABILITY_GRADE,
    ),
    rules: [
      {
        code: 'NEW_DISABILITY',
        riskType: RiskType.DISABILITY,
        fires: ({ before, after }) =>
          before.DISABILITY_TYPE === undefined && after.DISABILITY_TYPE !== undefined
            ? {
                reason: `残联：新办残疾人证（${SECTOR_FIELDS.DISABILITY_TYPE.kind.type === 'ENUM' ? (SECTOR_FIELDS.DISABILITY_TYPE.kind.values[after.DISABILITY_TYPE] ?? '') : ''}）`,
                key: after.DISABILITY_TYPE,
              }
            : null,
      },
    ],
  },
  PUPILS: {
    label: '教育在校生及辍学学生',
    department: DEPARTMENT.EDUCATION,
    fields: FEED_FIELDS(
      DEPARTMENT.EDUCATION,
      SectorField.SCHOOL_NAME,
      SectorField.SCHOOL_GRADE,
      SectorField.ENROLMENT_STATUS,
    ),
    rules: [
      {
        code: 'DROPPED_OUT',
        riskType: RiskType.EDUCATION,
        fires: ({ before, after }) =>
          after.ENROLMENT_STATUS === 'DROPPED_OUT' && before.ENROLMENT_STATUS !== 'DROPPED_OUT'
            ? { reason: '教育：学生辍学', key: 'DROPPED_OUT' }
            : null,
      },
    ],
  },
  DANGEROUS_HOUSES: {
    label: '住建农村住房安全等级',
    department: DEPARTMENT.HOUSING,
    fields: FEED_FIELDS(DEPARTMENT.HOUSING, SectorField.HOUSING_SAFETY_GRADE),
    rules: [
      {
        code: 'UNSAFE_HOUSE',
        riskType: RiskType.HOUSING_SAFETY,
        fires: ({ before, after }) => {
          const g = after.HOUSING_SAFETY_GRADE;
          const was = before.HOUSING_SAFETY_GRADE;
          return (g === 'C' || g === 'D') && was !== 'C' && was !== 'D'
            ? { reason: `住建：住房鉴定为 ${g} 级危房`, key: g }
            : null;
        },
      },
    ],
  },
  DRINKING_WATER: {
    label: '水务农村饮水安全',
    department: DEPARTMENT.WATER,
    fields: FEED_FIELDS(DEPARTMENT.WATER, SectorField.DRINKING_WATER_SAFE),
    rules: [
      {
        code: 'UNSAFE_WATER',
        riskType: RiskType.DRINKING_WATER_SAFETY,
        fires: ({ before, after }) =>
          after.DRINKING_WATER_SAFE === 'false' && before.DRINKING_WATER_SAFE !== 'false'
            ? { reason: '水务：饮水不安全', key: 'false' }
            : null,
      },
    ],
  },
  PENSION_INSURANCE: {
    label: '人社城乡居民养老保险参保及代缴',
    department: DEPARTMENT.HUMAN_RESOURCES,
    fields: FEED_FIELDS(
      DEPARTMENT.HUMAN_RESOURCES,
      SectorField.PENSION_INSURED,
      SectorField.PENSION_PREMIUM_PAID_BY_GOVERNMENT,
    ),
    rules: [],
  },
  FAMILY_DOCTOR: {
    label: '卫健家庭医生签约',
    department: DEPARTMENT.HEALTH,
    fields: FEED_FIELDS(DEPARTMENT.HEALTH, SectorField.FAMILY_DOCTOR_SIGNED),
    rules: [],
  },
};

defineEnum(
  FeedKind,
  'FeedKind',
  'A department feed (one template each) and its rules: CIVIL_AFFAIRS_ROLL ALLOWANCE_ENDED; MEDICAL_INSURANCE ' +
    'LARGE_MEDICAL_COST (out-of-pocket > FEED_MEDICAL_COST_YUAN, default 20,000 yuan, or > FEED_MEDICAL_COST_SHARE, ' +
    'default 0.5, of the household’s latest net income); DISABILITY_CERTIFICATES NEW_DISABILITY; PUPILS DROPPED_OUT; ' +
    'DANGEROUS_HOUSES UNSAFE_HOUSE (C/D); DRINKING_WATER UNSAFE_WATER. 部门比对数据类别',
  Object.fromEntries(Object.entries(FEEDS).map(([k, f]) => [k, f.label])) as Record<FeedKind, string>,
);

/** Fixed columns of every feed template, before the feed's own fields. */
export const FEED_ID_COLUMN = '身份证号';
export const FEED_NAME_COLUMN = '姓名';
export const FEED_DIVISION_COLUMN = '户籍所在地行政区划代码';
export const FEED_AS_OF_COLUMN = '数据截至日期';

/** The template's headers of a feed. */
export function feedHeaders(feed: FeedKind): string[] {
  return [
    FEED_ID_COLUMN,
    FEED_NAME_COLUMN,
    FEED_DIVISION_COLUMN,
    ...FEEDS[feed].fields.map((f) => SECTOR_FIELDS[f].label),
    FEED_AS_OF_COLUMN,
  ];
}
