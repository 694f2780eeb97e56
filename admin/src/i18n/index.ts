import polyglotI18nProvider from 'ra-i18n-polyglot';
import english from 'ra-language-english';
import enums from '../generated/enums.json';
import { resources } from '../resources/config';
import { merge, raChinese } from './ra-zh';

type Messages = { [key: string]: string | Messages };

/** Reasons the API gives (extensions.reason), in the user's language. */
const errorsZh: Record<string, string> = {
  STALE_VERSION: '该记录已被他人修改，请刷新后重试',
  DUPLICATE: '已存在相同的值',
  REFERENCE_NOT_FOUND: '引用的记录不存在',
  IN_USE: '仍有其他记录引用，无法删除',
  REQUIRED: '必填',
  INVALID_FORMAT: '格式不正确',
  INVALID_LENGTH: '长度不符合要求',
  INVALID_MONEY: '金额须为不小于0的数，最多两位小数',
  ID_NUMBER_FORMAT: '身份证号须为17位数字加一位数字或X',
  ID_NUMBER_CHECK_DIGIT: '身份证号校验位不正确（GB 11643-1999）',
  ID_NUMBER_BIRTH_DATE: '身份证号中的出生日期无效',
  HEAD_COUNT: '家庭成员中必须有且只有一位户主',
  HEAD_ALREADY_EXISTS: '该户已有户主',
  HEAD_REQUIRED: '该户需要一位户主',
  DIVISION_CODE_FORMAT: '区划代码格式不正确',
  DIVISION_CODE_PARENT: '区划代码与上级不一致',
  ORIGINAL_VALUE_MISMATCH: '资产原值须等于资金构成合计',
  END_BEFORE_START: '结束日期早于开始日期',
  TARGET_COUNT: '须且只能指定一个帮扶对象（户、村或安置点）',
  OUT_OF_RANGE: '超出允许范围',
  INVALID_VALUE: '值无效',
  INVALID_TRANSITION: '当前状态下不能进行此步骤',
  CONDITIONS_UNMET: '条件不满足',
  FUTURE_DATE: '日期不能晚于今天',
  BEFORE_PREVIOUS_STEP: '日期不能早于上一步骤',
  NOTICE_TOO_SHORT: '公示期不足5天，不能审定纳入',
  DUPLICATE_RISK_TYPE: '风险类型重复',
  NO_MEMBER_ABLE_TO_WORK: '“因务工就业不稳”须有具备劳动能力的家庭成员',
  NO_DISABLED_MEMBER: '“因残”须有残疾家庭成员',
  NO_ILL_MEMBER: '“因病”须有患慢性病或大病的家庭成员',
  THRESHOLD_MISSING: '当年尚未设定防返贫监测标准',
  INCOME_MISSING: '缺少当年家庭收支信息',
  INCOME_BELOW_THRESHOLD: '当年人均纯收入未高于监测标准',
  HOUSING_UNSAFE: '住房不安全（C级或D级）',
  DRINKING_WATER_UNSAFE: '饮水不安全',
  CHILD_OUT_OF_SCHOOL: '有义务教育阶段适龄儿童（6–15岁）失学辍学',
  MEMBER_NOT_INSURED: '有家庭成员未参加基本医疗保险',
  RISK_NOT_ADDRESSED: '有风险类型尚无对应的在实施或已完成帮扶措施',
  NO_RECENT_VISIT: '近30天内没有入户走访记录',
  NATURAL_NOT_ALLOWED: '家庭成员均无劳动能力，不能按自然消除',
  OPEN_CASE_EXISTS: '该户已有未办结的监测记录',
  CASE_NOT_VERIFIED: '线索须先入户核实',
  CASE_CLOSED: '该监测记录已办结',
  INVALID_ID: 'ID无效',
  INTERNAL: '服务器内部错误',
};
const errorsEn: Record<string, string> = {
  STALE_VERSION: 'Someone else changed this record: reload and try again',
  DUPLICATE: 'This value already exists',
  REFERENCE_NOT_FOUND: 'The referenced record does not exist',
  IN_USE: 'Other records still refer to it',
  REQUIRED: 'Required',
  INVALID_FORMAT: 'Invalid format',
  INVALID_LENGTH: 'Invalid length',
  INVALID_MONEY: 'Yuan ≥ 0 with at most 2 decimals',
  ID_NUMBER_FORMAT: 'ID number: 17 digits and a digit or X',
  ID_NUMBER_CHECK_DIGIT: 'ID number check digit is wrong (GB 11643-1999)',
  ID_NUMBER_BIRTH_DATE: 'The birth date in the ID number is not valid',
  HEAD_COUNT: 'Exactly one member must be the head',
  HEAD_ALREADY_EXISTS: 'The household already has a head',
  HEAD_REQUIRED: 'The household needs a head',
  DIVISION_CODE_FORMAT: 'Invalid division code',
  DIVISION_CODE_PARENT: 'The code does not match its parent',
  ORIGINAL_VALUE_MISMATCH: 'The original value must equal the funding total',
  END_BEFORE_START: 'The end is before the start',
  TARGET_COUNT: 'Give exactly one of household, village or site',
  OUT_OF_RANGE: 'Out of range',
  INVALID_VALUE: 'Invalid value',
  INVALID_TRANSITION: 'This step is not allowed in the current status',
  CONDITIONS_UNMET: 'Conditions not met',
  FUTURE_DATE: 'The date is in the future',
  BEFORE_PREVIOUS_STEP: 'The date is before the previous step',
  NOTICE_TOO_SHORT: 'The public notice has run less than 5 days',
  DUPLICATE_RISK_TYPE: 'A risk type is given twice',
  NO_MEMBER_ABLE_TO_WORK: 'Unstable employment needs a member able to work',
  NO_DISABLED_MEMBER: 'Disability needs a disabled member',
  NO_ILL_MEMBER: 'Illness needs a member with chronic or serious illness',
  THRESHOLD_MISSING: 'No monitoring line for the year',
  INCOME_MISSING: 'No income recorded for the year',
  INCOME_BELOW_THRESHOLD: 'Per-capita net income is not above the monitoring line',
  HOUSING_UNSAFE: 'Housing is not safe (C or D)',
  DRINKING_WATER_UNSAFE: 'Drinking water is not safe',
  CHILD_OUT_OF_SCHOOL: 'A child of compulsory school age (6–15) is out of school',
  MEMBER_NOT_INSURED: 'A member has no basic medical insurance',
  RISK_NOT_ADDRESSED: 'A risk type has no matching measure in progress or completed',
  NO_RECENT_VISIT: 'No visit in the last 30 days',
  NATURAL_NOT_ALLOWED: 'No member can work: cannot close as natural elimination',
  OPEN_CASE_EXISTS: 'The household already has an open case',
  CASE_NOT_VERIFIED: 'Verify the clue first',
  CASE_CLOSED: 'The case is closed',
  INVALID_ID: 'Invalid ID',
  INTERNAL: 'Internal server error',
};

type Pairs = { [key: string]: [string, string] | Pairs };

/** `{ key: ['中文', 'English'] }` → the messages of one language. */
function z(lang: 'zh' | 'en', pairs: Pairs): Messages {
  return Object.fromEntries(
    Object.entries(pairs).map(([k, v]) => [k, Array.isArray(v) ? v[lang === 'zh' ? 0 : 1] : z(lang, v)]),
  );
}

const humanize = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ');

function appMessages(lang: 'zh' | 'en'): Messages {
  const res: Messages = {};
  for (const r of resources) {
    const fields: Messages = {
      id: 'ID',
      fundings: lang === 'zh' ? '资金构成' : 'Funding',
      township: lang === 'zh' ? '乡镇' : 'Township',
    };
    for (const f of r.fields) fields[f.source] = f[lang];
    res[r.name] = { name: `${r[lang]} |||| ${r[lang]}`, fields };
  }
  const enumMessages: Messages = {};
  for (const [name, values] of Object.entries(enums as Record<string, Record<string, string>>)) {
    enumMessages[name] = Object.fromEntries(
      Object.entries(values).map(([k, zh]) => [k, lang === 'zh' ? zh.replace(/ \(.*\)$/, '') : humanize(k)]),
    );
  }
  return {
    resources: res,
    enums: enumMessages,
    errors: lang === 'zh' ? errorsZh : errorsEn,
    app: {
      title:
        lang === 'zh'
          ? '白银区巩固拓展脱贫攻坚成果同乡村振兴有效衔接'
          : 'Baiyin rural revitalisation registry',
      language: lang === 'zh' ? '语言' : 'Language',
      dashboard: {
        title: lang === 'zh' ? '概览' : 'Overview',
        households: lang === 'zh' ? '农户' : 'Households',
        people: lang === 'zh' ? '家庭成员' : 'People',
        relocated: lang === 'zh' ? '易地搬迁（户 / 人）' : 'Relocated (households / people)',
        assetValue: lang === 'zh' ? '扶贫项目资产原值' : 'Asset original value',
        householdsUnit: lang === 'zh' ? '户' : 'households',
        peopleUnit: lang === 'zh' ? '人' : 'people',
        measuresByType: lang === 'zh' ? '帮扶措施（按类型）' : 'Measures by type',
        assetsByClass: lang === 'zh' ? '资产原值（按类别）' : 'Asset value by class',
        count: lang === 'zh' ? '数量' : 'Count',
      },
      export: {
        xlsx: lang === 'zh' ? '导出Excel' : 'Export XLSX',
        csv: lang === 'zh' ? '导出CSV' : 'Export CSV',
        done: lang === 'zh' ? '已导出%{smart_count}条记录' : 'Exported %{smart_count} rows',
        yes: lang === 'zh' ? '是' : 'yes',
        no: lang === 'zh' ? '否' : 'no',
      },
      range: { gte: lang === 'zh' ? '起' : 'from', lte: lang === 'zh' ? '止' : 'to' },
      reload: lang === 'zh' ? '重新加载' : 'Reload',
      related: Object.fromEntries(resources.map((r) => [r.name, r[lang]])),
      none: lang === 'zh' ? '无' : 'None',
      monitoring: z(lang, {
        case: ['监测记录', 'Case'],
        visit: ['走访', 'Visit'],
        plan: ['帮扶措施（一户一策）', 'Measures (one plan per household)'],
        timeline: ['监测帮扶时间线', 'Timeline'],
        incomeByYear: ['家庭年度收入', 'Income by year'],
        reportRisk: ['登记风险线索', 'Report a risk'],
        by: ['经办人', 'By'],
        date: ['日期', 'Date'],
        dateHelp: ['留空为今天', 'Empty: today'],
        category: ['监测对象类别', 'Category'],
        riskTypes: ['风险类型（1–5项）', 'Risk types (1–5)'],
        findings: ['核实/走访情况', 'Findings'],
        reason: ['不予纳入理由', 'Reason'],
        method: ['风险消除方式', 'Method'],
        description: ['线索内容', 'What was reported'],
        guaranteesChecked: ['已核查两不愁三保障及饮水安全', 'Guarantees checked'],
        refused: ['未通过，以下条件不满足：', 'Refused: these conditions are not met'],
        overdue: ['已超期（时限 %{date}）', 'Overdue (due %{date})'],
        noticeEnds: ['公示满5天后（%{date}起）可审定纳入', 'Can be approved from %{date} (5 days of notice)'],
        kind: { case: ['识别', 'Case'], visit: ['走访', 'Visit'], measure: ['帮扶', 'Measure'] },
        step: {
          verify: ['入户核实', 'Verify'],
          publicize: ['公示', 'Publicize'],
          approve: ['审定纳入', 'Approve'],
          reject: ['不予纳入', 'Reject'],
          eliminate: ['风险消除', 'Eliminate risk'],
          visit: ['记录走访', 'Record a visit'],
        },
        done: {
          verify: ['已入户核实', 'Verified'],
          publicize: ['已开始公示', 'Notice started'],
          approve: ['已纳入监测', 'Taken into monitoring'],
          reject: ['已不予纳入', 'Rejected'],
          eliminate: ['风险已消除', 'Risk eliminated'],
          visit: ['走访已记录', 'Visit recorded'],
        },
      }),
      worklists: z(lang, {
        title: ['监测工作台', 'Monitoring desk'],
        overdueMonitoringCases: ['超期未办结', 'Overdue cases'],
        cluesAwaitingVerification: ['待核实线索', 'Clues to verify'],
        monitoredHouseholdsWithoutActiveMeasure: ['无在实施帮扶措施', 'No active measure'],
        monitoredHouseholdsWithoutRecentVisit: ['30天未走访', 'Not visited in 30 days'],
        all: ['全部', 'All'],
        empty: ['没有待办事项', 'Nothing to do'],
        more: ['加载更多', 'Load more'],
        columns: {
          case: ['监测记录', 'Case'],
          householdNumber: ['户编号', 'Household'],
          village: ['行政村', 'Village'],
          status: ['识别状态', 'Status'],
          clueDate: ['线索发现日期', 'Clue date'],
          deadline: ['办结时限', 'Deadline'],
          head: ['户主', 'Head'],
          approvedAt: ['纳入监测日期', 'Approved on'],
        },
      }),
      screening: z(lang, {
        title: ['部门筛查预警', 'Screening'],
        help: [
          '按年度比对全区农户：人均纯收入低于监测标准1.5倍、义务教育阶段辍学、未参加基本医疗保险、住房或饮水不安全、大病无健康帮扶，自动登记风险线索；已在监测流程中的农户不重复登记。',
          'Scans every household for the year and opens a clue where income is under 1.5× the line, a child dropped out, a member is uninsured, housing or water is unsafe, or a serious illness has no health measure. Households with an open case are skipped.',
        ],
        year: ['收入年度', 'Income year'],
        run: ['开始筛查', 'Run screening'],
        running: ['正在筛查… 已用时 %{seconds} 秒', 'Screening… %{seconds} s'],
        done: [
          '%{year}年筛查完成：检查%{checked}户，已在监测流程中%{skipped}户，新增线索%{opened}条，用时%{seconds}秒',
          '%{year}: checked %{checked}, skipped %{skipped} (open case), opened %{opened} clues in %{seconds} s',
        ],
        noLine: [
          '%{year}年尚未设定监测标准，未按收入筛查',
          'No monitoring line for %{year}: income rule not applied',
        ],
        toWorklists: ['前往监测工作台', 'Open the monitoring desk'],
      }),
      tabs: {
        household: lang === 'zh' ? '基本信息' : 'Household',
        relocation: lang === 'zh' ? '易地搬迁' : 'Relocation',
        members: lang === 'zh' ? '家庭成员' : 'Members',
        measures: lang === 'zh' ? '帮扶措施' : 'Measures',
        monitoring: lang === 'zh' ? '监测帮扶' : 'Monitoring',
      },
    },
  };
}

export const messages = {
  zh: merge(raChinese, appMessages('zh')),
  en: merge(english as unknown as Messages, appMessages('en')),
};

/** zh-CN by default; English switchable (react-admin keeps the choice in its store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? messages.en : messages.zh) as any,
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);
