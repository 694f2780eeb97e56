import polyglotI18nProvider from 'ra-i18n-polyglot';
import english from 'ra-language-english';
import enums from '../generated/enums.json';
import { resources } from '../resources/config';
import { merge, raChinese } from './ra-zh';
import { ERROR_REASONS } from './errors';
import { EXCHANGE_MESSAGES } from '../exchange/messages';
import { reportMessages } from '../reports/messages';
import { CONSOLE_MESSAGES } from './console-messages';

type Messages = { [key: string]: string | Messages };

/** Reasons the API gives, in the user's language; `<ENTITY>_NOT_FOUND` falls back to NOT_FOUND. */
const errorsOf = (lang: 'zh' | 'en') =>
  Object.fromEntries(Object.entries(ERROR_REASONS).map(([k, v]) => [k, v[lang === 'zh' ? 0 : 1]]));

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
    errors: errorsOf(lang),
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
        casesByStatus: lang === 'zh' ? '防返贫监测对象（按识别状态，户）' : 'Monitoring cases by status',
        measuresByStatus: lang === 'zh' ? '帮扶措施（按状态，项）' : 'Measures by status',
      },
      export: {
        xlsx: lang === 'zh' ? '导出Excel' : 'Export XLSX',
        csv: lang === 'zh' ? '导出CSV' : 'Export CSV',
        done: lang === 'zh' ? '已导出%{smart_count}条记录' : 'Exported %{smart_count} rows',
        total: lang === 'zh' ? '合计（%{n}条）' : 'Total (%{n} rows)',
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
        visitor: ['走访人', 'Visitor'],
        chooseHousehold: ['请先选择帮扶对象户', 'Choose the household first'],
        visitorHelp: ['留空为本人', 'Empty: yourself'],
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
      auth: z(lang, {
        changePassword: ['修改密码', 'Change password'],
        mustChange: [
          '首次登录或密码已重置：请先设置新密码。',
          'First sign-in or reset: set a new password first.',
        ],
        current: ['原密码', 'Current password'],
        new: ['新密码', 'New password'],
        confirm: ['确认新密码', 'Confirm the new password'],
        rules: [
          '10–128个字符，包含小写、大写、数字、符号中的至少三类，不含用户名',
          '10–128 characters, three of lower/upper/digits/symbols, not the username',
        ],
        mismatch: ['两次输入的新密码不一致', 'The new passwords differ'],
        changed: ['密码已修改', 'Password changed'],
        oneTimePassword: ['一次性密码', 'One-time password'],
        apiKeySecret: ['API密钥', 'API key'],
        shownOnce: [
          '只显示这一次：请现在复制并安全地交给使用者。',
          'Shown only now: copy it and hand it over safely.',
        ],
        resetPassword: ['重置密码', 'Reset password'],
        reveal: ['显示', 'Show'],
        revealHelp: [
          '显示完整身份证号（将记入审计日志）',
          'Show the full ID number (recorded in the audit trail)',
        ],
        townshipHelp: ['乡镇工作人员必填', 'For township officers'],
        villageHelp: ['村干部必填', 'For village cadres'],
        departmentHelp: ['行业部门工作人员必填', 'For department officers'],
        keyTownshipHelp: ['留空为全区', 'Empty: the whole district'],
        copy: ['复制并关闭', 'Copy and close'],
        forbidden: ['您的角色不能使用此页面', 'Your role cannot use this page'],
      }),
      audit: z(lang, {
        verbs: { create: ['新增', 'Create '], update: ['修改', 'Update '], delete: ['删除', 'Delete '] },
        operations: {
          login: ['登录', 'Sign-in'],
          loginFailed: ['登录失败', 'Failed sign-in'],
          lockout: ['账号锁定', 'Account locked'],
          logout: ['退出登录', 'Sign-out'],
          changePassword: ['修改密码', 'Password change'],
          resetUserPassword: ['重置密码', 'Password reset'],
          createAdministrator: ['创建首个管理员', 'First administrator'],
          createApiKey: ['新增API密钥', 'API key created'],
          revokeApiKey: ['吊销API密钥', 'API key revoked'],
          revealIdNumber: ['查看完整身份证号', 'ID number revealed'],
          export: ['导出', 'Export'],
          importAssets: ['台账导入', 'Ledger import'],
          changeHouseholdHead: ['变更户主', 'Head changed'],
          reportRisk: ['登记风险线索', 'Risk reported'],
          verifyMonitoringCase: ['入户核实', 'Verified'],
          publicizeMonitoringCase: ['公示', 'Publicized'],
          approveMonitoringCase: ['审定纳入', 'Approved'],
          rejectMonitoringCase: ['不予纳入', 'Rejected'],
          eliminateRisk: ['风险消除', 'Risk eliminated'],
          recordMonitoringVisit: ['入户走访', 'Visit'],
          runScreening: ['部门筛查预警', 'Screening'],
          confirmAssetRights: ['资产确权', 'Rights confirmed'],
          handOverAsset: ['资产移交', 'Handed over'],
          assignAssetCustodian: ['管护责任', 'Custody'],
          changeAssetStatus: ['资产状态变更', 'Status change'],
          requestAssetDisposal: ['申请处置', 'Disposal requested'],
          approveAssetDisposal: ['批准处置', 'Disposal approved'],
          rejectAssetDisposal: ['驳回处置', 'Disposal rejected'],
          reopenMonitoringCase: ['重新纳入监测', 'Case reopened'],
          recordHouseholdVisit: ['入户走访（农户）', 'Household visit'],
          recordFollowUpVisit: ['回访', 'Follow-up visit'],
          recordExport: ['导出', 'Export'],
          accessDenied: ['越权访问被拒绝', 'Access denied'],
          duplicateRejected: ['重复请求被拒绝', 'Duplicate request rejected'],
          refusalsSuppressed: ['拒绝记录过多（已合并）', 'Refusals suppressed'],
          setMemberSectorField: ['行业部门字段填报', 'Sector field set'],
          importFeed: ['部门数据比对导入', 'Department feed imported'],
          idNumberLookup: ['按身份证号查询', 'Lookup by ID number'],
          reportIndicatorValue: ['规划指标填报', 'Indicator value reported'],
          setIndicatorTownshipTarget: ['设定乡镇指标目标', 'Township target set'],
          takeIndicatorSnapshot: ['规划指标月度快照', 'Indicator snapshot'],
          saveProgressReport: ['保存月度工作进展', 'Progress report saved'],
          writeProgressReport: ['填写月度工作进展', 'Progress report written'],
          submitProgressReport: ['报送月度工作进展', 'Progress report submitted'],
          acceptProgressReport: ['接收月度工作进展', 'Progress report accepted'],
          returnProgressReport: ['退回月度工作进展', 'Progress report returned'],
        },
      }),
      reports: reportMessages(lang),
      ledger: z(lang, {
        title: ['资产台账', 'Asset ledger'],
        views: {
          TOTAL: ['总账', 'District total'],
          ASSET_CLASS: ['分类台账', 'By class'],
          DEPARTMENT: ['分部门台账', 'By department'],
          TOWNSHIP: ['明细台账（乡镇）', 'By township'],
          VILLAGE: ['明细台账（村）', 'By village'],
        },
        group: {
          ASSET_CLASS: ['资产类别', 'Class'],
          DEPARTMENT: ['行业主管部门', 'Department'],
          TOWNSHIP: ['乡镇', 'Township'],
          VILLAGE: ['村', 'Village'],
          STATUS: ['资产状态', 'Status'],
          SOURCE: ['资金来源', 'Funding source'],
        },
        columns: {
          count: ['资产数', 'Assets'],
          original: ['原值合计（元）', 'Original value (yuan)'],
          book: ['账面价值合计（元）', 'Book value (yuan)'],
          revenue: ['收益合计（元）', 'Revenue (yuan)'],
        },
        byStatus: ['按资产状态', 'By status'],
        bySource: ['按资金来源', 'By funding source'],
        exportAll: ['导出资产明细（可导入）', 'Export the ledger (importable)'],
        confirm: ['确权', 'Confirm rights'],
        handOver: ['移交', 'Hand over'],
        custody: ['管护责任', 'Custody'],
        status: ['状态变更', 'Change status'],
        requestDisposal: ['申请处置', 'Request disposal'],
        approve: ['批准', 'Approve'],
        reject: ['驳回', 'Reject'],
        approved: ['已批准处置', 'Disposal approved'],
        rejected: ['已驳回', 'Rejected'],
        requested: ['处置申请已提交，待区级审批', 'Disposal requested: waiting for the district'],
        saved: ['已保存', 'Saved'],
        date: ['日期', 'Date'],
        addRevenue: ['登记年度收益', 'Record revenue'],
        year: ['年度', 'Year'],
        revenue: ['收益金额（元）', 'Revenue (yuan)'],
        distribution: ['收益分配', 'Distribution'],
        purpose: ['用途', 'Purpose'],
        amount: ['金额（元）', 'Amount (yuan)'],
        runningSum: [
          '已分配 %{sum} / 收益 %{total}，尚余 %{left}',
          'Distributed %{sum} of %{total}, %{left} left',
        ],
        tabs: {
          ledger: ['台账信息', 'Ledger'],
          revenue: ['收益与分配', 'Revenue'],
          disposals: ['处置记录', 'Disposals'],
        },
      }),
      import: z(lang, {
        title: ['台账导入', 'Import the ledger'],
        help: [
          '上传 .xlsx 或 .csv 文件（格式同“资产台账 → 导出资产明细”）。先检查：列出每个有误的单元格，不写入任何数据；检查通过后再导入：整批写入，按资产编号新增或更新，相同的行不变，重复导入同一文件不会改变数据。',
          'Upload an .xlsx or .csv file in the ledger export format. Check first (every invalid cell is listed, nothing is written), then import: all or nothing, by asset code; re-importing a file changes nothing.',
        ],
        choose: ['选择文件', 'Choose a file'],
        none: ['未选择文件', 'No file chosen'],
        check: ['检查', 'Check'],
        apply: ['导入', 'Import'],
        uploading: ['正在上传… %{percent}%', 'Uploading… %{percent}%'],
        processing: ['正在处理…', 'Processing…'],
        problems: [
          '共%{rows}行，发现%{count}处错误，未导入任何数据：',
          '%{count} problems in %{rows} rows; nothing imported:',
        ],
        checked: [
          '检查通过：%{rows}行，将新增%{created}项、更新%{updated}项、%{unchanged}项不变（用时%{seconds}秒）。',
          'Checked: %{rows} rows; %{created} new, %{updated} changed, %{unchanged} unchanged (%{seconds} s).',
        ],
        done: [
          '导入完成：%{rows}行，新增%{created}项、更新%{updated}项、%{unchanged}项不变（用时%{seconds}秒）。',
          'Imported: %{rows} rows; %{created} new, %{updated} changed, %{unchanged} unchanged (%{seconds} s).',
        ],
        row: ['行号', 'Row'],
        column: ['列', 'Column'],
        reason: ['问题', 'Problem'],
      }),
      exchange: z(lang, EXCHANGE_MESSAGES),
      indicators: z(lang, {
        title: ['规划指标', 'Plan indicators'],
        heading: ['%{area}规划指标完成情况', 'Plan indicators: %{area}'],
        area: ['区域', 'Area'],
        wholeDistrict: ['全区', 'Whole district'],
        export: ['导出Excel', 'Export to Excel'],
        clause: ['方案条款', 'Plan clause'],
        // Clauses without a number (plan-targets.csv plan_task), e.g. the work plan's closing clause.
        clauses: { closing: ['结语', 'Closing'] },
        noTarget: ['未设目标', 'No target'],
        pick: ['点击指标查看乡镇分解和明细。', 'Select an indicator for its township breakdown and rows.'],
        breakdown: ['%{name}：按乡镇', '%{name} by township'],
        drill: ['未达标明细（%{count}条）', 'Rows behind the shortfall (%{count})'],
        notDrillable: [
          '该指标为部门填报或暂无登记数据，无明细。',
          'Reported or not yet in the register: no rows.',
        ],
        drillForbidden: ['您的角色不能查看个人明细。', 'Your role may not see these rows.'],
        card: ['规划指标', 'Plan indicators'],
        open: ['查看全部', 'Open'],
        columns: {
          key: ['指标代码', 'Key'],
          name: ['指标', 'Indicator'],
          area: ['区域', 'Area'],
          target: ['目标', 'Target'],
          value: ['当前值', 'Value'],
          unit: ['单位', 'Unit'],
          numerator: ['分子', 'Numerator'],
          denominator: ['分母', 'Denominator'],
          status: ['状态', 'Status'],
          trend: ['较上月', 'vs last month'],
          history: ['近12个月', 'Last 12 months'],
        },
        drillColumns: {
          name: ['名称', 'Name'],
          place: ['所在地', 'Place'],
          detail: ['说明', 'Detail'],
        },
        units: {
          percent: ['%', '%'],
          households: ['户', 'households'],
          people: ['人', 'people'],
          villages: ['个村', 'villages'],
          products: ['个', 'products'],
          homestays: ['家', 'homestays'],
          percentage_points: ['个百分点', 'points'],
          day_of_month: ['日', 'day'],
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
        yearHelp: ['2013年至%{year}年', '2013 to %{year}'],
        confirmTitle: ['开始%{year}年筛查？', 'Run the %{year} screening?'],
        confirm: [
          '将比对全区农户%{year}年的收入和“两不愁三保障”情况，并为符合条件的农户登记风险线索（已在监测流程中的农户除外）。线索登记后需逐户核实。',
          'Every household is checked against %{year}; a clue is opened for each one that meets a rule (households with an open case are skipped). Each clue then needs a visit.',
        ],
        line: ['%{year}年监测标准：%{amount}元/人·年', 'Monitoring line %{year}: %{amount} yuan per person'],
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
      ...z(lang, CONSOLE_MESSAGES),
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
