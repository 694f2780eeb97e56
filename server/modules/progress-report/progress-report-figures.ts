import { SYSTEM } from '../../auth/actor';
import { readScope } from '../../auth/scope';
import { SqlParams } from '../../common/listing/sql-builder';
import type { ReportPeriod } from './progress-report-period';

/** The unit a report belongs to: a department (its responsibility) or a township government (its area). */
export interface ReportUnit {
  id: number;
  /** TOWNSHIP: figures of the township's area; otherwise of the department's responsibility. */
  townshipId: number | null;
}

/** One pre-filled figure of a section: what it counts, how, and the SQL that counts it. */
export interface FigureDefinition {
  key: string;
  label: string;
  /** The definition shown beside the figure and in the compiled report's annex (口径). */
  definition: string;
  unit: string;
  /** A sum of yuan (a Decimal string) rather than a count. */
  money: boolean;
  /** Which units have it: departments, township governments, or both. */
  units: 'DEPARTMENT' | 'TOWNSHIP' | 'ANY';
  /** A scalar SELECT for the unit and period, with bound parameters only. */
  sql: (u: ReportUnit, p: ReportPeriod, params: SqlParams) => string;
}

/** The unit's rows of a register table: its department's responsibility, or its township's area. */
function unitRows(table: string, alias: string, u: ReportUnit, params: SqlParams): string {
  if (u.townshipId === null) return `${alias}.responsible_department_id = ${params.add(u.id)}`;
  // The township's area is exactly what its township officers see (the same row rule).
  return readScope(table, alias, params, {
    ...SYSTEM,
    area: { level: 'TOWNSHIP', townshipId: u.townshipId },
  })!;
}

const inPeriod = (column: string, p: ReportPeriod, params: SqlParams) =>
  `${column} BETWEEN ${params.add(p.from)}::date AND ${params.add(p.to)}::date`;

const TYPE_LABELS: Record<string, string> = {
  INDUSTRY: '产业帮扶',
  EMPLOYMENT: '就业帮扶',
  FINANCE: '金融帮扶',
  PUBLIC_WELFARE_JOB: '公益岗位帮扶',
  HEALTH: '健康帮扶',
  COMPULSORY_EDUCATION: '义务教育保障',
  OTHER_EDUCATION: '其他教育帮扶',
  SOCIAL_SECURITY: '综合保障',
  HOUSING_SAFETY: '住房安全保障',
  DRINKING_WATER: '饮水安全保障',
  SOCIAL_SUPPORT: '社会帮扶',
  RELOCATION: '易地搬迁',
  LIVING_CONDITIONS: '生产生活条件改善',
  INFRASTRUCTURE: '基础设施建设',
};

const WHOSE = '责任单位为本单位（部门）或位于本乡镇（乡镇）';
const PERIOD = '报告期（上月报送截止日次日至本月报送截止日）';

/** Four figures on the assistance measures of the given types: started and completed, count and yuan. */
function measureFigures(prefix: string, types: string[]): FigureDefinition[] {
  const typeText = types.map((t) => TYPE_LABELS[t]).join('、');
  const typeList = (params: SqlParams) => `m.type::text = ANY(${params.add(types)}::text[])`;
  const started = (u: ReportUnit, p: ReportPeriod, params: SqlParams) =>
    `FROM assistance_measure m WHERE ${unitRows('assistance_measure', 'm', u, params)} AND ${typeList(params)}
       AND m.status <> 'CANCELLED' AND ${inPeriod('m.start_date', p, params)}`;
  const completed = (u: ReportUnit, p: ReportPeriod, params: SqlParams) =>
    `FROM assistance_measure m WHERE ${unitRows('assistance_measure', 'm', u, params)} AND ${typeList(params)}
       AND m.status = 'COMPLETED' AND ${inPeriod('m.end_date', p, params)}`;
  const base = `帮扶措施（类型：${typeText}），${WHOSE}`;
  return [
    {
      key: `${prefix}_MEASURES_STARTED`,
      label: '新开始帮扶措施',
      definition: `${base}，开始日期在${PERIOD}内、状态不是已取消的措施数。`,
      unit: '项',
      money: false,
      units: 'ANY',
      sql: (u, p, params) => `SELECT count(*)::text AS v ${started(u, p, params)}`,
    },
    {
      key: `${prefix}_MEASURES_STARTED_YUAN`,
      label: '新开始措施金额',
      definition: `上项措施的金额合计（元）。`,
      unit: '元',
      money: true,
      units: 'ANY',
      sql: (u, p, params) =>
        `SELECT coalesce(sum(m.amount_yuan), 0)::numeric(14,2)::text AS v ${started(u, p, params)}`,
    },
    {
      key: `${prefix}_MEASURES_COMPLETED`,
      label: '完成帮扶措施',
      definition: `${base}，状态为已完成、结束日期在${PERIOD}内的措施数。`,
      unit: '项',
      money: false,
      units: 'ANY',
      sql: (u, p, params) => `SELECT count(*)::text AS v ${completed(u, p, params)}`,
    },
    {
      key: `${prefix}_MEASURES_COMPLETED_YUAN`,
      label: '完成措施金额',
      definition: `上项措施的金额合计（元）。`,
      unit: '元',
      money: true,
      units: 'ANY',
      sql: (u, p, params) =>
        `SELECT coalesce(sum(m.amount_yuan), 0)::numeric(14,2)::text AS v ${completed(u, p, params)}`,
    },
  ];
}

const township = (u: ReportUnit) => ({
  ...SYSTEM,
  area: { level: 'TOWNSHIP' as const, townshipId: u.townshipId! },
});

/** 防止规模性返贫致贫 (work plan §2.2): the monitoring workflow in the township. */
const MONITORING: FigureDefinition[] = [
  [
    'CASES_OPENED',
    '新增监测线索',
    'm.clue_date',
    '本乡镇农户的监测对象线索（风险线索登记），线索日期在报告期内的件数。',
  ],
  [
    'CASES_APPROVED',
    '新纳入监测对象',
    'm.approved_at',
    '本乡镇经乡镇审定纳入监测的对象，审定日期在报告期内的户数。',
  ],
  [
    'CASES_ELIMINATED',
    '风险消除',
    'm.risk_eliminated_at',
    '本乡镇标注风险消除的监测对象，消除日期在报告期内的户数。',
  ],
].map(([key, label, column, definition]) => ({
  key,
  label,
  definition,
  unit: key === 'CASES_OPENED' ? '件' : '户',
  money: false,
  units: 'TOWNSHIP' as const,
  sql: (u: ReportUnit, p: ReportPeriod, params: SqlParams) =>
    `SELECT count(*)::text AS v FROM monitoring_case m WHERE ${readScope('monitoring_case', 'm', params, township(u))} AND ${inPeriod(column, p, params)}`,
}));

const VISITS: FigureDefinition = {
  key: 'VISITS',
  label: '走访监测对象',
  definition: '本乡镇监测对象的走访记录，走访日期在报告期内的次数。',
  unit: '次',
  money: false,
  units: 'TOWNSHIP',
  sql: (u, p, params) =>
    `SELECT count(*)::text AS v FROM monitoring_visit x WHERE ${readScope('monitoring_visit', 'x', params, township(u))} AND ${inPeriod('x.visit_date', p, params)}`,
};

/** 加强扶贫项目资产管理和监督 (work plan §2.5): the asset ledger's steps and revenue. */
const ASSETS: FigureDefinition[] = [
  ...(
    [
      ['ASSETS_CONFIRMED', '完成确权资产', 'a.rights_confirmed_at', '确权日期在报告期内的资产数'],
      ['ASSETS_HANDED_OVER', '完成移交资产', 'a.handed_over_at', '移交日期在报告期内的资产数'],
    ] as const
  ).map(([key, label, column, what]) => ({
    key,
    label,
    definition: `扶贫项目资产，${WHOSE}，${what}。`,
    unit: '个',
    money: false,
    units: 'ANY' as const,
    sql: (u: ReportUnit, p: ReportPeriod, params: SqlParams) =>
      `SELECT count(*)::text AS v FROM asset a WHERE ${unitRows('asset', 'a', u, params)} AND ${inPeriod(column, p, params)}`,
  })),
  {
    key: 'ASSETS_DISPOSED',
    label: '处置资产',
    definition: `扶贫项目资产，${WHOSE}，处置申请经区级批准、批准日期在报告期内的资产数。`,
    unit: '个',
    money: false,
    units: 'ANY',
    sql: (u, p, params) =>
      `SELECT count(DISTINCT x.asset_id)::text AS v FROM asset_disposal x JOIN asset a ON a.id = x.asset_id
        WHERE ${unitRows('asset', 'a', u, params)} AND x.status = 'APPROVED' AND ${inPeriod('x.decided_at', p, params)}`,
  },
  {
    key: 'ASSET_REVENUE_YEAR',
    label: '本年资产收益',
    definition: `经营性资产，${WHOSE}，报告月份所在年度已登记的收益合计（元，截至取数时）。`,
    unit: '元',
    money: true,
    units: 'ANY',
    sql: (u, p, params) =>
      `SELECT coalesce(sum(r.amount_yuan), 0)::numeric(14,2)::text AS v FROM asset_revenue r JOIN asset a ON a.id = r.asset_id
        WHERE ${unitRows('asset', 'a', u, params)} AND r.year = ${params.add(p.year)}`,
  },
];

/**
 * Figures per plan task, by clause (sectionNo.taskNo). Tasks absent here get nothing from the
 * register: their sections hold the unit's text and its own figures only.
 */
export const FIGURES_BY_TASK: Record<string, FigureDefinition[]> = {
  '2.1': measureFigures('BASIC_NEEDS', [
    'HEALTH',
    'COMPULSORY_EDUCATION',
    'OTHER_EDUCATION',
    'HOUSING_SAFETY',
    'DRINKING_WATER',
  ]),
  '2.2': [...MONITORING, VISITS],
  '2.3': measureFigures('INDUSTRY', ['INDUSTRY']),
  '2.4': measureFigures('EMPLOYMENT', ['EMPLOYMENT', 'PUBLIC_WELFARE_JOB']),
  '2.5': ASSETS,
  '2.6': measureFigures('INFRASTRUCTURE', ['INFRASTRUCTURE', 'LIVING_CONDITIONS']),
  '2.8': measureFigures('RELOCATION', ['RELOCATION']),
  '3.1': measureFigures('SOCIAL_SUPPORT', ['SOCIAL_SUPPORT']),
  '4.2': measureFigures('FINANCE', ['FINANCE']),
  '4.5': measureFigures('SOCIAL_SECURITY', ['SOCIAL_SECURITY']),
};

/** The figures of a task for a unit (township-only figures are left out of a department's section). */
export function figuresOf(sectionNo: number, taskNo: number, u: ReportUnit): FigureDefinition[] {
  return (FIGURES_BY_TASK[`${sectionNo}.${taskNo}`] ?? []).filter(
    (f) => f.units === 'ANY' || (f.units === 'TOWNSHIP') === (u.townshipId !== null),
  );
}
