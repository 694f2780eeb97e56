/**
 * The demo population: synthetic households, members, measures and assets, deterministic from a seed
 * number. No real person is in it: names are drawn from common characters, ID numbers are synthetic
 * (valid check digits), phones are left empty. Rules it keeps: households live only in village
 * committees (村委会) or at the relocation sites; relocated households total the plan's 1,082
 * households / 3,601 people when at least 2,164 households are generated (fewer: half of them, people
 * in the same ratio).
 */
import { Random, IdNumberFactory, givenName, surname } from './random';
import { PLAN_RELOCATED_HOUSEHOLDS, PLAN_RELOCATED_PEOPLE } from './reference';

/** Ages and dates are computed as of this day, so a seed gives the same data on any day. */
export const AS_OF = '2026-01-01';
const AS_OF_YEAR = 2026;

export interface DemoVillage {
  id: number;
  code: string;
}

export interface DemoContext {
  villages: DemoVillage[];
  siteIds: number[];
  /** Department id by plan code (D01 …). */
  dept: Record<string, number>;
}

export interface MemberRow {
  name: string;
  idNumber: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  relationToHead: string;
  educationLevel: string;
  schoolStatus: string;
  healthStatus: string;
  disabilityGrade: number | null;
  laborCapacity: string;
  workLocation: string;
  workMonths: number;
  medicalInsured: boolean;
  seriousIllnessInsured: boolean;
  pensionInsured: boolean;
  age: number;
}

export interface MeasureRow {
  type: string;
  description: string;
  departmentId: number;
  /** Index of the beneficiary in the household's members, or null. */
  memberIndex: number | null;
  amountYuan: string | null;
  fundingSource: string | null;
  startDate: string;
  endDate: string | null;
  status: string;
}

export interface HouseholdRow {
  householdNumber: string;
  villageId: number;
  naturalVillage: string;
  householdType: 'ALLEVIATED' | 'ORDINARY';
  hasSubsistenceAllowance: boolean;
  hasExtremePovertySupport: boolean;
  relocationSiteId: number | null;
  movedInAt: string | null;
  originVillageId: number | null;
  housingSafety: string;
  drinkingWaterSafe: boolean;
  cadreName: string | null;
  cadreUnit: string | null;
  members: MemberRow[];
  measures: MeasureRow[];
}

export interface AssetRow {
  assetCode: string;
  name: string;
  assetClass: string;
  category: string;
  projectName: string;
  projectYear: number;
  completedAt: string;
  villageId: number;
  householdIndex: number | null;
  ownershipLevel: string;
  owner: string;
  operator: string | null;
  custodian: string;
  custodianPerson: string;
  departmentId: number;
  rightsConfirmedAt: string | null;
  handedOverAt: string | null;
  beneficiaryVillages: number;
  beneficiaryHouseholds: number;
  beneficiaryAlleviatedHouseholds: number;
  beneficiaryPeople: number;
  quantity: string;
  unit: string;
  fundings: { source: string; amountYuan: string }[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateIn = (r: Random, year: number) => `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
const yuan = (r: Random, min: number, max: number, step = 100) =>
  `${r.int(min / step, max / step) * step}.00`;

/** Sizes of the relocated households: `households` sizes summing exactly to `people`. */
export function relocatedSizes(r: Random, households: number, people: number): number[] {
  const base = Math.floor(people / households);
  const sizes = Array.from({ length: households }, (_, i) => base + (i < people - base * households ? 1 : 0));
  for (let k = 0; k < households; k++) {
    const a = r.int(0, households - 1);
    const b = r.int(0, households - 1);
    if (a !== b && sizes[a] > 1 && sizes[b] < 7) {
      sizes[a]--;
      sizes[b]++;
    }
  }
  return r.shuffle(sizes);
}

/** Plan of the demo: how many households, and which of them are relocated with what size. */
export function planRelocation(
  r: Random,
  total: number,
): { relocated: number; people: number; sizes: number[] } {
  const full = total >= 2 * PLAN_RELOCATED_HOUSEHOLDS;
  const relocated = full ? PLAN_RELOCATED_HOUSEHOLDS : Math.floor(total / 2);
  const people = full
    ? PLAN_RELOCATED_PEOPLE
    : Math.round((relocated * PLAN_RELOCATED_PEOPLE) / PLAN_RELOCATED_HOUSEHOLDS);
  return { relocated, people, sizes: relocated ? relocatedSizes(r, relocated, people) : [] };
}

function memberAttributes(
  r: Random,
  age: number,
): Omit<MemberRow, 'name' | 'idNumber' | 'gender' | 'birthDate' | 'relationToHead' | 'age'> {
  let educationLevel = 'PRESCHOOL';
  let schoolStatus = 'NOT_IN_SCHOOL';
  if (age >= 3 && age < 6) schoolStatus = 'PRESCHOOL';
  else if (age >= 6 && age <= 11) [educationLevel, schoolStatus] = ['PRIMARY', 'PRIMARY'];
  else if (age >= 12 && age <= 14) [educationLevel, schoolStatus] = ['PRIMARY', 'JUNIOR_SECONDARY'];
  else if (age >= 15 && age <= 17) {
    educationLevel = 'JUNIOR_SECONDARY';
    schoolStatus = r.chance(0.7) ? 'SENIOR_SECONDARY' : 'SECONDARY_VOCATIONAL';
  } else if (age >= 18 && age <= 22 && r.chance(0.35))
    [educationLevel, schoolStatus] = ['SENIOR_SECONDARY', 'HIGHER_EDUCATION'];
  else if (age >= 18) {
    educationLevel = r.weighted(
      age > 60
        ? [
            ['NONE', 30],
            ['PRIMARY', 45],
            ['JUNIOR_SECONDARY', 20],
            ['SENIOR_SECONDARY', 5],
          ]
        : [
            ['PRIMARY', 15],
            ['JUNIOR_SECONDARY', 45],
            ['SENIOR_SECONDARY', 20],
            ['VOCATIONAL', 10],
            ['COLLEGE', 7],
            ['UNIVERSITY', 3],
          ],
    );
  }
  if (age >= 7 && age <= 15 && r.chance(0.004)) schoolStatus = 'DROPPED_OUT';
  const elderly = age >= 60;
  const healthStatus = r.weighted([
    ['HEALTHY', elderly ? 60 : 88],
    ['CHRONIC_ILLNESS', elderly ? 28 : 7],
    ['SERIOUS_ILLNESS', elderly ? 5 : 1.5],
    ['DISABLED', elderly ? 7 : 3.5],
  ]);
  const disabilityGrade = healthStatus === 'DISABLED' ? r.int(1, 4) : null;
  const student = !['NOT_IN_SCHOOL', 'DROPPED_OUT'].includes(schoolStatus);
  let laborCapacity = 'NONE';
  if (age >= 16 && !student) {
    if (healthStatus === 'SERIOUS_ILLNESS' || (disabilityGrade !== null && disabilityGrade <= 2))
      laborCapacity = 'LOST';
    else if (age > 65) laborCapacity = r.chance(0.4) ? 'PARTIAL' : 'LOST';
    else if (healthStatus !== 'HEALTHY' || age > 60) laborCapacity = 'PARTIAL';
    else laborCapacity = 'FULL';
  }
  let workLocation = 'NONE';
  let workMonths = 0;
  if (laborCapacity === 'FULL' || (laborCapacity === 'PARTIAL' && r.chance(0.4))) {
    workLocation = r.weighted([
      ['IN_COUNTY', 40],
      ['IN_PROVINCE', 25],
      ['OUT_OF_PROVINCE', 17],
      ['NONE', 18],
    ]);
    workMonths = workLocation === 'NONE' ? 0 : r.int(3, 12);
  }
  const insured = r.chance(0.995);
  return {
    educationLevel,
    schoolStatus,
    healthStatus,
    disabilityGrade,
    laborCapacity,
    workLocation,
    workMonths,
    medicalInsured: insured,
    seriousIllnessInsured: insured,
    pensionInsured: age >= 16 && !student && r.chance(0.92),
  };
}

function member(
  r: Random,
  ids: IdNumberFactory,
  family: string,
  relation: string,
  age: number,
  male: boolean,
): MemberRow {
  const a = Math.max(0, Math.min(age, 95));
  const birthDate = `${AS_OF_YEAR - 1 - a}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  const name =
    (relation === 'SPOUSE' || relation === 'DAUGHTER_IN_LAW' || relation === 'MOTHER' ? surname(r) : family) +
    givenName(r, male);
  return {
    name,
    idNumber: ids.make(birthDate, male),
    gender: male ? 'MALE' : 'FEMALE',
    birthDate,
    relationToHead: relation,
    age: a,
    ...memberAttributes(r, a),
  };
}

/** Members of one household of `size` people: a head, a spouse, then children, parents or grandchildren. */
export function generateMembers(r: Random, ids: IdNumberFactory, size: number): MemberRow[] {
  const family = surname(r);
  const headAge = r.int(size === 1 ? 55 : 28, 78);
  const headMale = r.chance(size === 1 ? 0.5 : 0.88);
  const members = [member(r, ids, family, 'HEAD', headAge, headMale)];
  if (size >= 2) members.push(member(r, ids, family, 'SPOUSE', headAge + r.int(-5, 4), !headMale));
  let parentAdded = false;
  while (members.length < size) {
    if (headAge < 50 && !parentAdded && r.chance(0.25)) {
      parentAdded = true;
      const male = r.chance(0.4);
      members.push(member(r, ids, family, male ? 'FATHER' : 'MOTHER', headAge + r.int(22, 30), male));
    } else if (headAge > 58 && r.chance(0.5)) {
      const male = r.chance(0.5);
      members.push(member(r, ids, family, male ? 'GRANDSON' : 'GRANDDAUGHTER', r.int(0, 15), male));
    } else {
      const male = r.chance(0.52);
      members.push(
        member(r, ids, family, male ? 'SON' : 'DAUGHTER', Math.max(0, headAge - r.int(22, 36)), male),
      );
    }
  }
  return members;
}

function measure(
  r: Random,
  type: string,
  description: string,
  departmentId: number,
  memberIndex: number | null,
  amount: [number, number] | null,
  fundingSource: string | null,
): MeasureRow {
  const year = r.int(2021, 2025);
  const startDate = dateIn(r, year);
  const endDate = r.chance(0.8) ? `${year + 1}${startDate.slice(4)}` : null;
  const status =
    endDate === null
      ? 'IN_PROGRESS'
      : endDate < AS_OF
        ? 'COMPLETED'
        : r.chance(0.1)
          ? 'PLANNED'
          : 'IN_PROGRESS';
  return {
    type,
    description,
    departmentId,
    memberIndex,
    amountYuan: amount ? yuan(r, amount[0], amount[1]) : null,
    fundingSource,
    startDate,
    endDate,
    status,
  };
}

/** The household's plan (一户一策): measures that follow from its members and situation. */
export function generateMeasures(
  r: Random,
  ctx: DemoContext,
  h: Omit<HouseholdRow, 'measures'>,
): MeasureRow[] {
  const d = ctx.dept;
  const out: MeasureRow[] = [];
  const alleviated = h.householdType === 'ALLEVIATED';
  if (r.chance(alleviated ? 0.85 : 0.45)) {
    const what = r.pick([
      '发展肉羊养殖',
      '日光温室蔬菜种植',
      '发展中药材种植',
      '特色林果种植',
      '发展肉牛养殖',
    ]);
    out.push(measure(r, 'INDUSTRY', `产业奖补：${what}`, d.D01, null, [2000, 10000], 'CENTRAL_FISCAL'));
  }
  h.members.forEach((m, i) => {
    if (m.workLocation !== 'NONE' && r.chance(alleviated ? 0.6 : 0.25)) {
      out.push(
        measure(
          r,
          'EMPLOYMENT',
          m.workLocation === 'OUT_OF_PROVINCE' ? '跨省务工交通补助' : '稳岗就业补贴',
          d.D04,
          i,
          [500, 3000],
          'DISTRICT_FISCAL',
        ),
      );
    }
    if (
      (m.healthStatus === 'SERIOUS_ILLNESS' || m.healthStatus === 'CHRONIC_ILLNESS') &&
      r.chance(alleviated ? 0.85 : 0.4)
    ) {
      const serious = m.healthStatus === 'SERIOUS_ILLNESS';
      out.push(
        measure(
          r,
          'HEALTH',
          serious ? '大病专项救治与医疗救助' : '慢病签约服务',
          serious ? d.D14 : d.D05,
          i,
          serious ? [3000, 30000] : [200, 1500],
          'DISTRICT_FISCAL',
        ),
      );
    }
    if (
      ['PRIMARY', 'JUNIOR_SECONDARY', 'DROPPED_OUT'].includes(m.schoolStatus) &&
      r.chance(alleviated ? 0.9 : 0.3)
    ) {
      const dropped = m.schoolStatus === 'DROPPED_OUT';
      out.push(
        measure(
          r,
          'COMPULSORY_EDUCATION',
          dropped ? '控辍保学劝返复学' : '义务教育阶段生活补助',
          d.D09,
          i,
          dropped ? null : [500, 1250],
          dropped ? null : 'CENTRAL_FISCAL',
        ),
      );
    }
    if (
      ['SENIOR_SECONDARY', 'SECONDARY_VOCATIONAL', 'HIGHER_EDUCATION'].includes(m.schoolStatus) &&
      alleviated &&
      r.chance(0.7)
    ) {
      out.push(
        measure(
          r,
          'OTHER_EDUCATION',
          m.schoolStatus === 'HIGHER_EDUCATION' ? '雨露计划助学补助' : '高中/中职国家助学金',
          d.D09,
          i,
          [1500, 5000],
          'CENTRAL_FISCAL',
        ),
      );
    }
    if (m.healthStatus === 'DISABLED' && r.chance(0.6)) {
      out.push(measure(r, 'SOCIAL_SECURITY', '残疾人两项补贴', d.D18, i, [1200, 2400], 'DISTRICT_FISCAL'));
    }
  });
  if (alleviated && r.chance(0.2))
    out.push(measure(r, 'FINANCE', '脱贫人口小额信贷', d.D31, 0, [10000, 50000], 'OTHER'));
  if (alleviated && r.chance(0.08)) {
    const worker = h.members.findIndex((m) => m.laborCapacity !== 'NONE' && m.laborCapacity !== 'LOST');
    if (worker >= 0)
      out.push(
        measure(
          r,
          'PUBLIC_WELFARE_JOB',
          '乡村公益性岗位（保洁/护林）',
          d.D04,
          worker,
          [6000, 12000],
          'CENTRAL_FISCAL',
        ),
      );
  }
  if (h.hasSubsistenceAllowance)
    out.push(measure(r, 'SOCIAL_SECURITY', '纳入农村低保', d.D11, null, [3000, 9000], 'CENTRAL_FISCAL'));
  if (h.hasExtremePovertySupport)
    out.push(measure(r, 'SOCIAL_SECURITY', '特困人员供养', d.D11, 0, [6000, 12000], 'CENTRAL_FISCAL'));
  if (h.housingSafety === 'C' || h.housingSafety === 'D')
    out.push(measure(r, 'HOUSING_SAFETY', '农村危房改造', d.D06, null, [20000, 35000], 'CENTRAL_FISCAL'));
  if (!h.drinkingWaterSafe)
    out.push(
      measure(r, 'DRINKING_WATER', '农村饮水安全巩固提升', d.D10, null, [800, 3000], 'DISTRICT_FISCAL'),
    );
  if (h.relocationSiteId !== null) {
    out.push(measure(r, 'RELOCATION', '易地扶贫搬迁后续扶持', d.D07, null, [1000, 5000], 'CENTRAL_FISCAL'));
    if (r.chance(0.3)) out.push(measure(r, 'EMPLOYMENT', '安置点就业帮扶车间就业', d.D04, null, null, null));
  }
  return out;
}

const GROUPS = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组'];
const CADRE_UNITS = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D09', 'D10', 'D11', 'D15'];
const UNIT_NAMES: Record<string, string> = {
  D01: '区农业农村局',
  D02: '区扶贫办',
  D03: '区财政局',
  D04: '区人社局',
  D05: '区卫健局',
  D06: '区住建局',
  D09: '区教育局',
  D10: '区水务局',
  D11: '区民政局',
  D15: '区交运局',
};

/** One household: `relocation` gives its site and size when it is a relocated household. */
export function generateHousehold(
  r: Random,
  ids: IdNumberFactory,
  ctx: DemoContext,
  number: (village: DemoVillage) => string,
  relocation: { siteId: number; size: number } | null,
): HouseholdRow {
  const village = r.pick(ctx.villages);
  const size =
    relocation?.size ??
    r.weighted([
      [1, 8],
      [2, 20],
      [3, 25],
      [4, 25],
      [5, 15],
      [6, 5],
      [7, 2],
    ] as const);
  const members = generateMembers(r, ids, size);
  const alleviated = relocation !== null || r.chance(0.3);
  const elderlyAlone = size === 1 && members[0].age >= 60;
  const base: Omit<HouseholdRow, 'measures'> = {
    householdNumber: number(village),
    villageId: village.id,
    naturalVillage: r.pick(GROUPS),
    householdType: alleviated ? 'ALLEVIATED' : 'ORDINARY',
    hasSubsistenceAllowance: r.chance(alleviated ? 0.18 : 0.03),
    hasExtremePovertySupport: elderlyAlone && r.chance(0.3),
    relocationSiteId: relocation?.siteId ?? null,
    movedInAt: relocation ? dateIn(r, r.int(2017, 2020)) : null,
    originVillageId: relocation ? village.id : null,
    housingSafety: relocation
      ? 'A'
      : r.weighted([
          ['A', 70],
          ['B', 29.3],
          ['C', 0.6],
          ['D', 0.1],
        ]),
    drinkingWaterSafe: r.chance(0.995),
    cadreName: alleviated ? surname(r) + givenName(r, r.chance(0.6)) : null,
    cadreUnit: null,
    members,
  };
  if (alleviated) base.cadreUnit = UNIT_NAMES[r.pick(CADRE_UNITS)];
  return { ...base, measures: generateMeasures(r, ctx, base) };
}

const ASSET_KINDS: readonly (readonly [string, string, string, string, string, number, number])[] = [
  // class, category, name, unit, department code, min value, max value (yuan)
  ['PUBLIC_WELFARE', 'ROAD', '村组道路硬化', '公里', 'D15', 200000, 2000000],
  ['PUBLIC_WELFARE', 'WATER_SUPPLY', '人饮工程供水管网', '公里', 'D10', 100000, 800000],
  ['PUBLIC_WELFARE', 'IRRIGATION', '高标准农田灌溉设施', '亩', 'D10', 150000, 1500000],
  ['PUBLIC_WELFARE', 'SCHOOL', '村小学校舍改造', '平方米', 'D09', 300000, 2000000],
  ['PUBLIC_WELFARE', 'CLINIC', '村卫生室标准化建设', '座', 'D05', 80000, 300000],
  ['PUBLIC_WELFARE', 'SANITATION', '农村户厕改造', '座', 'D01', 50000, 400000],
  ['PUBLIC_WELFARE', 'CULTURAL_FACILITY', '村综合文化服务中心', '座', 'D12', 100000, 600000],
  ['OPERATING', 'GREENHOUSE', '日光温室', '座', 'D01', 200000, 3000000],
  ['OPERATING', 'PROCESSING_PLANT', '农产品加工厂房', '平方米', 'D01', 500000, 5000000],
  ['OPERATING', 'WORKSHOP', '就业帮扶车间', '平方米', 'D04', 300000, 2000000],
  ['OPERATING', 'PHOTOVOLTAIC', '村级光伏电站', '千瓦', 'D07', 400000, 3000000],
  ['OPERATING', 'TOURISM_FACILITY', '乡村旅游接待设施', '处', 'D12', 200000, 1500000],
  ['HOUSEHOLD', 'LIVESTOCK', '到户养殖圈舍', '座', 'D01', 8000, 40000],
  ['HOUSEHOLD', 'ORCHARD', '到户林果园', '亩', 'D24', 5000, 30000],
  ['HOUSEHOLD', 'MACHINERY', '到户小型农机具', '台', 'D01', 3000, 20000],
];
const SOURCES = [
  'CENTRAL_FISCAL',
  'PROVINCIAL_FISCAL',
  'CITY_FISCAL',
  'DISTRICT_FISCAL',
  'EAST_WEST_COOPERATION',
  'PAIRED_ASSISTANCE',
  'SELF_RAISED',
];

/** One ledger row; `households` are the batch's households (a household asset names one of them). */
export function generateAsset(
  r: Random,
  ctx: DemoContext,
  seq: number,
  households: HouseholdRow[],
): AssetRow {
  const [assetClass, category, name, unit, deptCode, min, max] = r.weighted(
    ASSET_KINDS.map((k) => [k, k[0] === 'PUBLIC_WELFARE' ? 5 : k[0] === 'OPERATING' ? 3 : 2] as const),
  );
  const householdIndex = assetClass === 'HOUSEHOLD' ? r.int(0, households.length - 1) : null;
  const villageId = householdIndex !== null ? households[householdIndex].villageId : r.pick(ctx.villages).id;
  const year = r.int(2016, 2025);
  const total = r.int(min / 100, max / 100) * 100;
  const parts = r.int(1, 3);
  const fundings: AssetRow['fundings'] = [];
  let left = total;
  const sources = r.shuffle([...SOURCES]).slice(0, parts);
  sources.forEach((source, i) => {
    const amount = i === parts - 1 ? left : Math.round((left * r.int(30, 70)) / 100 / 100) * 100;
    left -= amount;
    fundings.push({ source, amountYuan: `${amount}.00` });
  });
  const household = householdIndex !== null ? households[householdIndex] : null;
  const ownership = household
    ? 'HOUSEHOLD'
    : assetClass === 'OPERATING'
      ? 'VILLAGE'
      : r.weighted([
          ['VILLAGE', 80],
          ['TOWNSHIP', 15],
          ['DISTRICT', 5],
        ] as const);
  const completed = dateIn(r, year);
  const beneficiaries = r.int(10, 400);
  // Confirmed the year after completion (not after AS_OF); handed over after the confirmation.
  const confirmedDraw = r.chance(0.85) ? `${year + 1}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : null;
  const handedDraw = r.chance(0.8) ? `${year + 1}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : null;
  const rightsConfirmedAt = confirmedDraw && confirmedDraw <= AS_OF ? confirmedDraw : null;
  const handedOverAt =
    rightsConfirmedAt && handedDraw
      ? handedDraw >= rightsConfirmedAt
        ? handedDraw
        : rightsConfirmedAt
      : null;
  const alleviated = household
    ? household.householdType === 'ALLEVIATED'
      ? 1
      : 0
    : Math.floor(beneficiaries * 0.3);
  return {
    assetCode: `BY${year}${pad(seq, 6)}`,
    name: `${name}（${year}年）`,
    assetClass,
    category,
    projectName: `${year}年度巩固衔接${name}项目`,
    projectYear: year,
    completedAt: completed,
    villageId,
    householdIndex,
    ownershipLevel: ownership,
    owner: household
      ? household.members[0].name
      : ownership === 'VILLAGE'
        ? '村股份经济合作社'
        : '乡镇人民政府',
    operator: assetClass === 'OPERATING' ? r.pick(['村集体经济合作社', '农民专业合作社', '龙头企业']) : null,
    custodian: household ? '农户自管' : '村民委员会',
    custodianPerson: surname(r) + givenName(r, r.chance(0.7)),
    departmentId: ctx.dept[deptCode],
    rightsConfirmedAt,
    handedOverAt,
    beneficiaryVillages: household ? 0 : 1,
    beneficiaryHouseholds: household ? 1 : beneficiaries,
    beneficiaryAlleviatedHouseholds: alleviated,
    beneficiaryPeople: household ? household.members.length : beneficiaries * 3 + r.int(0, beneficiaries),
    quantity: `${r.int(1, 50)}.00`,
    unit,
    fundings,
  };
}
