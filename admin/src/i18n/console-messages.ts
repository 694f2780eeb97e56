type Pairs = { [key: string]: [string, string] | Pairs };

/** Messages of the cadre's phone screens, visits, users and retries (issue #17), `['中文', 'English']`. */
export const CONSOLE_MESSAGES: Pairs = {
  retry: ['重试', 'Retry'],
  date: {
    format: ['格式：YYYY-MM-DD，如 2026-03-15', 'Format: YYYY-MM-DD, e.g. 2026-03-15'],
    invalid: [
      '请按 YYYY-MM-DD 填写有效日期，如 2026-03-15',
      'Enter a real date as YYYY-MM-DD, e.g. 2026-03-15',
    ],
  },
  disposals: { asset: ['资产（编号 名称 · 所在村 · 原值）', 'Asset (code, name, village, value)'] },
  ledgerSource: {
    amount: ['资金额', 'Funding amount'],
    note: [
      '一项资产由多种资金构成时，在每种资金来源下各计一次，故各来源资产数之和（%{sum}）大于资产总数（%{total}）；资金额按资金构成合计。账面价值与收益不按资金来源分摊，见分类台账。',
      'An asset funded from several sources counts once under each, so the sources add up to %{sum} assets for %{total}. Amounts are the funding rows; book value and revenue are not split by source (see the class ledger).',
    ],
    total: ['合计（去重后资产数）', 'Total (distinct assets)'],
  },
  auditEntities: {
    AssetFunding: ['资金构成', 'Asset funding'],
    AssetRevenueDistribution: ['收益分配', 'Revenue distribution'],
    Session: ['登录会话', 'Sign-in session'],
    UserSession: ['登录会话', 'Sign-in session'],
    RateLimitCounter: ['访问频率计数', 'Rate-limit counter'],
    DemoSeedRun: ['演示数据载入', 'Demo data load'],
    MemberSectorValue: ['行业部门字段', 'Sector field'],
    MemberSectorValueChange: ['行业部门字段变更', 'Sector field change'],
    FeedRun: ['部门数据推送', 'Department feed run'],
    FeedAlert: ['部门数据预警', 'Department feed alert'],
    PlanTask: ['方案任务', 'Plan task'],
    PlanTaskUnit: ['任务责任单位', 'Task unit'],
    PlanMeasure: ['任务措施', 'Plan measure'],
    ProgressReport: ['月度工作进展', 'Progress report'],
    PlanIndicator: ['规划指标', 'Plan indicator'],
    PlanIndicatorTarget: ['乡镇指标目标', 'Township target'],
    IndicatorReport: ['指标填报', 'Indicator report'],
    IndicatorSnapshot: ['指标月度快照', 'Indicator snapshot'],
    IndicatorSnapshotValue: ['指标快照值', 'Indicator snapshot value'],
  },
  refusal: {
    riskDetail: [
      '：“%{risk}”尚无在实施或已完成的帮扶措施，可计入的措施类型：%{types}',
      ': “%{risk}” has no measure in progress or completed; measure types that count: %{types}',
    ],
    yearDetail: ['（%{year}年）', ' (%{year})'],
  },
  measures: { add: ['新增帮扶措施', 'Add a measure'] },
  loading: ['正在加载…', 'Loading…'],
  cadre: {
    title: ['本村工作台', 'My village today'],
    visitsDue: ['30天未走访的监测户', 'Monitored households not visited in 30 days'],
    cluesToVerify: ['待核实线索', 'Clues to verify'],
    followUps: ['无在实施帮扶措施的监测户', 'Monitored households without a measure'],
    overdue: ['超期未办结', 'Overdue cases'],
    find: ['按户主姓名或户编号查找农户', 'Find a household by head’s name or number'],
    findButton: ['查找', 'Find'],
    pending: [
      '%{smart_count} 条走访记录已保存在本机，联网后自动上传 |||| %{smart_count} 条走访记录已保存在本机，联网后自动上传',
      '%{smart_count} visit saved on this device, sent when online |||| %{smart_count} visits saved on this device, sent when online',
    ],
  },
  visit: {
    record: ['记录走访', 'Record a visit'],
    title: ['入户走访：%{name}', 'Visit: %{name}'],
    date: ['走访日期', 'Date'],
    findings: ['走访情况', 'Findings'],
    guarantees: [
      '已核查两不愁三保障及饮水安全',
      'Food, clothing, schooling, health care, housing and water checked',
    ],
    save: ['保存走访', 'Save the visit'],
    saved: ['走访已记录', 'Visit recorded'],
    queued: [
      '网络不通：走访已保存在本机，联网后自动上传',
      'No connection: the visit is saved on this device and sent when online',
    ],
    sent: [
      '本机保存的%{smart_count}条走访已上传 |||| 本机保存的%{smart_count}条走访已上传',
      '%{smart_count} saved visit sent |||| %{smart_count} saved visits sent',
    ],
    routine: [
      '日常走访（每月）：无需监测记录；该户有在监测的记录时自动归入。',
      'Routine monthly visit: no case needed; attached to the household’s open case when it has one.',
    ],
    rejected: ['本机保存的走访被拒绝：%{reason}', 'A saved visit was refused: %{reason}'],
  },
  household: {
    keyFacts: ['关键信息', 'Key facts'],
    head: ['户主', 'Head'],
    village: ['所属村', 'Village'],
    noHead: ['（未登记户主）', '(no head recorded)'],
  },
  users: {
    disable: ['停用', 'Disable'],
    enable: ['启用', 'Enable'],
    disabled: ['用户已停用，不能再登录', 'The user is disabled and can no longer sign in'],
    enabled: ['用户已启用', 'The user is enabled'],
    scopeHint: [
      '乡镇工作人员选乡镇，村干部选村（按乡镇分组），行业部门工作人员选单位；其他角色不需要。',
      'A township officer needs a township, a village cadre a village, a department officer a department.',
    ],
  },
  empty: {
    hint: ['暂无记录。', 'Nothing here yet.'],
    create: ['点击“新建”添加第一条记录。', 'Use “Create” to add the first one.'],
    filter: ['没有符合条件的记录：请放宽检索条件。', 'Nothing matches: widen the filters.'],
  },
  filters: {
    from: ['起', 'from'],
    to: ['止', 'to'],
  },
};
