// What the console knows about each resource: its GraphQL names and its fields (type, labels, where
// shown). Views, the data provider and the translations are all driven by this one table.

export type FieldType =
  | 'text'
  | 'longtext'
  | 'enum'
  | 'enums'
  | 'ref'
  | 'date'
  | 'money'
  | 'bool'
  | 'int'
  | 'datetime'
  | 'json'
  | 'derived';

export interface FieldSpec {
  source: string;
  type: FieldType;
  zh: string;
  en: string;
  /** enum name (enum fields) or referenced resource (ref fields). */
  of?: string;
  /** Required on create. */
  required?: boolean;
  /** Shown in the list. */
  list?: boolean;
  /** Offered as a list filter. */
  filter?: boolean;
  /** Not sent in inputs (derived by the server). */
  readOnly?: boolean;
  /** Only on create (e.g. the household of a member). */
  createOnly?: boolean;
  /** Column can be sorted on (an OrderField of the API). */
  sortable?: boolean;
  /** Filter by a from–to range (dates, money). */
  range?: boolean;
}

export interface ResourceSpec {
  /** react-admin resource name = the GraphQL list field (`villages`). */
  name: string;
  singular: string;
  type: string;
  zh: string;
  en: string;
  /** Field shown when another record refers to this one. */
  title: string;
  fields: FieldSpec[];
  /** Extra GraphQL selection (nested rows), flattened by the data provider. */
  extra?: string;
  /** Related lists shown on the record's page: rows of `resource` whose `target` is this record. */
  related?: { resource: string; target: string }[];
  /** Not in the menu (reached from its parent's page). */
  hidden?: boolean;
  /** Rows are changed only by domain verbs (no generic edit or delete). */
  readOnly?: boolean;
  /** Where the list's text search and township filter apply: the row itself ('') or a relation path. */
  searchVia?: string;
  /** Relation path to the village, for the township filter (households: 'village'). */
  townshipVia?: string;
  /** The API has no text search (`q`) on this list. */
  noSearch?: boolean;
  /** No single read `x(id)`: a record is read through the list filtered by id. */
  noSingle?: boolean;
  /** Rows without a version (API keys, audit events). */
  noVersion?: boolean;
  /** Name in the write mutations when it differs from `type` (`createUser` for AppUser). */
  mutationType?: string;
  /** Default sort of the list. */
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

const f = (
  source: string,
  type: FieldType,
  zh: string,
  en: string,
  opts: Partial<FieldSpec> = {},
): FieldSpec => ({
  source,
  type,
  zh,
  en,
  ...opts,
});

export const resources: ResourceSpec[] = [
  {
    name: 'townships',
    singular: 'township',
    type: 'Township',
    zh: '乡镇/街道',
    en: 'Townships',
    title: 'name',
    fields: [
      f('code', 'text', '区划代码', 'Code', { required: true, list: true, sortable: true }),
      f('name', 'text', '名称', 'Name', { required: true, list: true, sortable: true }),
      f('kind', 'enum', '类型', 'Kind', {
        of: 'TownshipKind',
        list: true,
        filter: true,
        readOnly: true,
        sortable: true,
      }),
    ],
  },
  {
    name: 'villages',
    related: [{ resource: 'villageCollectiveIncomes', target: 'villageId' }],
    singular: 'village',
    type: 'Village',
    zh: '行政村/社区',
    en: 'Villages',
    title: 'name',
    fields: [
      f('code', 'text', '区划代码', 'Code', { required: true, list: true, sortable: true }),
      f('name', 'text', '名称', 'Name', { required: true, list: true, sortable: true }),
      f('townshipId', 'ref', '所属乡镇', 'Township', {
        of: 'townships',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('committeeType', 'enum', '村级组织类型', 'Committee type', {
        of: 'CommitteeType',
        list: true,
        filter: true,
        readOnly: true,
        sortable: true,
      }),
      f('isAlleviatedVillage', 'bool', '脱贫村', 'Alleviated village', { list: true, filter: true }),
      f('isKeyVillage', 'bool', '重点帮扶村', 'Key village', { filter: true }),
      f('featuredIndustry', 'text', '一村一品', 'Featured industry'),
      f('firstSecretaryName', 'text', '驻村第一书记', 'First secretary'),
      f('firstSecretaryUnit', 'text', '派出单位', 'Dispatching unit'),
    ],
  },
  {
    name: 'households',
    townshipVia: 'village',
    extra: 'currentMonitoringCase { id status } head { id name } village { id name }',
    singular: 'household',
    type: 'Household',
    zh: '农户',
    en: 'Households',
    title: 'householdNumber',
    fields: [
      f('householdNumber', 'text', '户编号', 'Household number', {
        required: true,
        list: true,
        sortable: true,
      }),
      f('villageId', 'ref', '所属行政村', 'Village', {
        of: 'villages',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('householdType', 'enum', '农户类型', 'Type', {
        of: 'HouseholdType',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('memberCount', 'derived', '家庭人口', 'Members', { list: true, readOnly: true }),
      f('naturalVillage', 'text', '自然村/组', 'Natural village'),
      f('address', 'text', '住址', 'Address'),
      f('phone', 'text', '联系电话', 'Phone'),
      f('hasSubsistenceAllowance', 'bool', '低保', 'Subsistence allowance', { list: true, filter: true }),
      f('hasExtremePovertySupport', 'bool', '特困供养', 'Extreme-poverty support'),
      f('housingSafety', 'enum', '住房安全等级', 'Housing safety', {
        of: 'HousingSafety',
        filter: true,
        sortable: true,
      }),
      f('drinkingWaterSafe', 'bool', '饮水安全', 'Drinking water safe'),
      f('relocationSiteId', 'ref', '安置点', 'Relocation site', { of: 'relocationSites', filter: true }),
      f('movedInAt', 'date', '入住日期', 'Moved in', { sortable: true, range: true }),
      f('cadreName', 'text', '帮扶责任人', 'Responsible cadre'),
      f('cadreUnit', 'text', '帮扶责任人单位', 'Cadre’s unit'),
    ],
  },
  {
    name: 'householdMembers',
    singular: 'householdMember',
    type: 'HouseholdMember',
    zh: '家庭成员',
    en: 'Household members',
    title: 'name',
    fields: [
      f('name', 'text', '姓名', 'Name', { required: true, list: true, sortable: true }),
      f('householdId', 'ref', '所属户', 'Household', {
        of: 'households',
        required: true,
        list: true,
        filter: true,
        createOnly: true,
      }),
      f('idNumber', 'text', '身份证号', 'ID number', { required: true, list: true }),
      f('gender', 'enum', '性别', 'Gender', { of: 'Gender', list: true, readOnly: true, filter: true }),
      f('birthMonth', 'text', '出生年月', 'Birth month', { list: true, readOnly: true, sortable: true }),
      f('relationToHead', 'enum', '与户主关系', 'Relation to head', {
        of: 'RelationToHead',
        required: true,
        list: true,
        filter: true,
      }),
      f('educationLevel', 'enum', '文化程度', 'Education', { of: 'EducationLevel', required: true }),
      f('schoolStatus', 'enum', '在校生状况', 'School status', { of: 'SchoolStatus', filter: true }),
      f('healthStatus', 'enum', '健康状况', 'Health', { of: 'HealthStatus', list: true, filter: true }),
      f('disabilityGrade', 'int', '残疾等级', 'Disability grade'),
      f('laborCapacity', 'enum', '劳动能力', 'Labour capacity', {
        of: 'LaborCapacity',
        required: true,
        filter: true,
      }),
      f('workLocation', 'enum', '务工区域', 'Work location', { of: 'WorkLocation', filter: true }),
      f('workMonths', 'int', '务工时间（月）', 'Months worked'),
      f('medicalInsured', 'bool', '基本医疗保险', 'Medical insurance', { filter: true }),
      f('seriousIllnessInsured', 'bool', '大病保险', 'Serious-illness insurance'),
      f('pensionInsured', 'bool', '基本养老保险', 'Pension insurance'),
    ],
  },
  {
    name: 'relocationSites',
    related: [{ resource: 'households', target: 'relocationSiteId' }],
    singular: 'relocationSite',
    type: 'RelocationSite',
    zh: '易地搬迁安置点',
    en: 'Relocation sites',
    title: 'name',
    fields: [
      f('name', 'text', '安置点名称', 'Name', { required: true, list: true, sortable: true }),
      f('placement', 'enum', '安置方式', 'Placement', {
        of: 'Placement',
        required: true,
        list: true,
        filter: true,
      }),
      f('townshipId', 'ref', '所在乡镇', 'Township', { of: 'townships' }),
      f('villageId', 'ref', '所在村/社区', 'Village', { of: 'villages' }),
      f('relocatedHouseholds', 'derived', '搬迁户数', 'Relocated households', { list: true, readOnly: true }),
      f('relocatedPeople', 'derived', '搬迁人口', 'Relocated people', { list: true, readOnly: true }),
      f('employmentRate', 'derived', '就业率（%）', 'Employment rate (%)', { list: true, readOnly: true }),
      f('completedAt', 'date', '建成日期', 'Completed'),
      f('houses', 'int', '安置住房套数', 'Houses'),
      f('facilities', 'longtext', '配套设施', 'Facilities'),
    ],
  },
  {
    name: 'assistanceMeasures',
    singular: 'assistanceMeasure',
    type: 'AssistanceMeasure',
    zh: '帮扶措施',
    en: 'Assistance measures',
    title: 'description',
    fields: [
      f('householdId', 'ref', '帮扶对象户', 'Household', { of: 'households', list: true, filter: true }),
      f('type', 'enum', '措施类型', 'Type', {
        of: 'MeasureType',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('description', 'text', '措施内容', 'Description', { required: true, list: true }),
      f('responsibleDepartmentId', 'ref', '责任单位', 'Department', {
        of: 'departments',
        required: true,
        list: true,
        filter: true,
      }),
      f('amountYuan', 'money', '金额（元）', 'Amount (yuan)', { list: true, sortable: true, range: true }),
      f('fundingSource', 'enum', '资金来源', 'Funding source', { of: 'FundingSource' }),
      f('startDate', 'date', '开始日期', 'Start', {
        required: true,
        list: true,
        sortable: true,
        range: true,
      }),
      f('endDate', 'date', '结束日期', 'End', { sortable: true }),
      f('monitoringCaseId', 'ref', '监测记录', 'Monitoring case', { of: 'monitoringCases', filter: true }),
      f('status', 'enum', '状态', 'Status', {
        of: 'MeasureStatus',
        list: true,
        filter: true,
        sortable: true,
      }),
    ],
  },
  {
    name: 'assets',
    singular: 'asset',
    type: 'Asset',
    zh: '扶贫项目资产',
    en: 'Assets',
    title: 'name',
    extra: 'fundings { nodes { source amountYuan } }',
    fields: [
      f('assetCode', 'text', '资产编号', 'Asset code', { required: true, list: true, sortable: true }),
      f('name', 'text', '资产名称', 'Name', { required: true, list: true, sortable: true }),
      f('assetClass', 'enum', '资产类别', 'Class', {
        of: 'AssetClass',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('category', 'enum', '资产类型', 'Category', { of: 'AssetCategory', required: true, filter: true }),
      f('projectName', 'text', '项目名称', 'Project', { required: true }),
      f('projectYear', 'int', '项目年度', 'Project year', { required: true, list: true, sortable: true }),
      f('villageId', 'ref', '所在村', 'Village', { of: 'villages', list: true, filter: true }),
      f('responsibleDepartmentId', 'ref', '行业主管部门', 'Department', {
        of: 'departments',
        required: true,
        filter: true,
      }),
      f('originalValueYuan', 'money', '资产原值（元）', 'Original value (yuan)', {
        list: true,
        readOnly: true,
        sortable: true,
        range: true,
      }),
      f('householdId', 'ref', '到户农户', 'Household', { of: 'households' }),
      f('completedAt', 'date', '竣工日期', 'Completed'),
      f('bookValueYuan', 'money', '账面价值（元）', 'Book value (yuan)', { sortable: true }),
      f('quantity', 'text', '数量', 'Quantity'),
      f('unit', 'text', '计量单位', 'Unit'),
      f('ownershipLevel', 'enum', '产权归属', 'Ownership level', {
        of: 'OwnershipLevel',
        required: true,
        filter: true,
      }),
      f('owner', 'text', '产权所有者', 'Owner', { required: true }),
      f('operator', 'text', '经营主体', 'Operator'),
      f('custodian', 'text', '管护主体', 'Custodian', { readOnly: true }),
      f('custodianPerson', 'text', '管护责任人', 'Person in charge', { readOnly: true }),
      f('status', 'enum', '资产状态', 'Status', {
        of: 'AssetStatus',
        list: true,
        filter: true,
        readOnly: true,
      }),
      f('statusReason', 'text', '状态变更原因', 'Status reason', { readOnly: true }),
      f('statusChangedAt', 'date', '状态变更日期', 'Status changed', { readOnly: true }),
      f('rightsConfirmedAt', 'date', '确权日期', 'Rights confirmed', { readOnly: true, range: true }),
      f('rightsDocumentNo', 'text', '确权文号', 'Rights document', { readOnly: true }),
      f('handedOverAt', 'date', '移交日期', 'Handed over', { readOnly: true }),
      f('handoverDocumentNo', 'text', '移交文号', 'Hand-over document', { readOnly: true }),
      f('beneficiaryVillages', 'int', '受益村数', 'Villages benefiting'),
      f('beneficiaryHouseholds', 'int', '受益户数', 'Households benefiting'),
      f('beneficiaryAlleviatedHouseholds', 'int', '其中脱贫户', 'Of which alleviated'),
      f('beneficiaryMonitoredHouseholds', 'int', '其中监测户', 'Of which monitored'),
      f('beneficiaryPeople', 'int', '受益人数', 'People benefiting'),
    ],
  },
  {
    name: 'departments',
    singular: 'department',
    type: 'Department',
    zh: '责任单位',
    en: 'Departments',
    title: 'name',
    fields: [
      f('code', 'text', '单位代码', 'Code', { required: true, list: true, sortable: true }),
      f('name', 'text', '单位名称', 'Name', { required: true, list: true, sortable: true }),
      f('kind', 'enum', '单位类别', 'Kind', {
        of: 'DepartmentKind',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('townshipId', 'ref', '所属乡镇', 'Township', { of: 'townships' }),
    ],
  },
];

resources.push({
  name: 'villageCollectiveIncomes',
  singular: 'villageCollectiveIncome',
  type: 'VillageCollectiveIncome',
  zh: '村集体经济收入',
  en: 'Collective income',
  title: 'year',
  hidden: true,
  fields: [
    f('villageId', 'ref', '行政村', 'Village', { of: 'villages', required: true, list: true, filter: true }),
    f('year', 'int', '年度', 'Year', { required: true, list: true, sortable: true }),
    f('amountYuan', 'money', '收入（元）', 'Income (yuan)', { required: true, list: true, sortable: true }),
  ],
});

resources.push(
  {
    name: 'monitoringCases',
    singular: 'monitoringCase',
    type: 'MonitoringCase',
    zh: '防返贫监测',
    en: 'Monitoring cases',
    title: 'id',
    extra: 'household { id householdNumber head { name } village { name } }',
    readOnly: true,
    searchVia: 'household',
    townshipVia: 'household.village',
    fields: [
      f('householdId', 'ref', '农户', 'Household', { of: 'households', list: true, createOnly: true }),
      f('status', 'enum', '识别状态', 'Status', {
        of: 'MonitoringStatus',
        list: true,
        filter: true,
        sortable: true,
      }),
      f('discoverySource', 'enum', '发现方式', 'Source', {
        of: 'DiscoverySource',
        required: true,
        list: true,
        filter: true,
      }),
      f('category', 'enum', '监测对象类别', 'Category', {
        of: 'MonitoringCategory',
        list: true,
        filter: true,
        readOnly: true,
      }),
      f('riskTypes', 'enums', '风险类型', 'Risk types', { of: 'RiskType', list: true, readOnly: true }),
      f('clueDate', 'date', '线索发现日期', 'Clue date', { list: true, sortable: true, range: true }),
      f('deadline', 'date', '办结时限', 'Deadline', { list: true, sortable: true, readOnly: true }),
      f('isOverdue', 'bool', '已超期', 'Overdue', { list: true, readOnly: true }),
      f('triggerReasons', 'enums', '线索来源说明', 'Trigger', { of: 'ScreeningReason', readOnly: true }),
      f('clueBy', 'text', '线索登记人', 'Recorded by', { readOnly: true }),
      f('verifiedAt', 'date', '入户核实日期', 'Verified on', { readOnly: true }),
      f('verifiedBy', 'text', '核实人', 'Verified by', { readOnly: true }),
      f('publicizedAt', 'date', '公示开始日期', 'Notice from', { readOnly: true }),
      f('publicizedBy', 'text', '公示人', 'Notice by', { readOnly: true }),
      f('approvedAt', 'date', '纳入监测日期', 'Approved on', { readOnly: true, sortable: true }),
      f('approvedBy', 'text', '审定人', 'Approved by', { readOnly: true }),
      f('rejectedAt', 'date', '不予纳入日期', 'Rejected on', { readOnly: true }),
      f('rejectedBy', 'text', '不予纳入审定人', 'Rejected by', { readOnly: true }),
      f('rejectionReason', 'text', '不予纳入理由', 'Rejection reason', { readOnly: true }),
      f('riskEliminatedAt', 'date', '风险消除日期', 'Eliminated on', { readOnly: true, sortable: true }),
      f('riskEliminatedBy', 'text', '风险消除审定人', 'Eliminated by', { readOnly: true }),
      f('eliminationMethod', 'enum', '风险消除方式', 'Method', { of: 'EliminationMethod', readOnly: true }),
    ],
  },
  {
    name: 'monitoringVisits',
    singular: 'monitoringVisit',
    type: 'MonitoringVisit',
    zh: '走访记录',
    en: 'Visits',
    title: 'visitDate',
    hidden: true,
    noSearch: true,
    readOnly: true,
    fields: [
      f('monitoringCaseId', 'ref', '监测记录', 'Case', { of: 'monitoringCases', filter: true }),
      f('visitDate', 'date', '走访日期', 'Date', { list: true, sortable: true }),
      f('visitor', 'text', '走访人', 'Visitor', { list: true }),
      f('guaranteesChecked', 'bool', '两不愁三保障及饮水安全核查', 'Guarantees checked', { list: true }),
      f('findings', 'longtext', '走访情况', 'Findings', { list: true }),
    ],
  },
  {
    name: 'householdIncomes',
    singular: 'householdIncome',
    type: 'HouseholdIncome',
    zh: '家庭年度收支',
    en: 'Household incomes',
    title: 'year',
    searchVia: 'household',
    townshipVia: 'household.village',
    fields: [
      f('householdId', 'ref', '农户', 'Household', {
        of: 'households',
        required: true,
        list: true,
        createOnly: true,
      }),
      f('year', 'int', '年度', 'Year', { required: true, list: true, filter: true, sortable: true }),
      f('wageIncomeYuan', 'money', '工资性收入（元）', 'Wages (yuan)', { required: true }),
      f('productionIncomeYuan', 'money', '生产经营性收入（元）', 'Production (yuan)', { required: true }),
      f('propertyIncomeYuan', 'money', '财产性收入（元）', 'Property (yuan)', { required: true }),
      f('transferIncomeYuan', 'money', '转移性收入（元）', 'Transfers (yuan)', { required: true }),
      f('productionCostsYuan', 'money', '生产经营性支出（元）', 'Production costs (yuan)', {
        required: true,
      }),
      f('compliantSpendingYuan', 'money', '合规自付支出（元）', 'Out-of-pocket spending (yuan)', {
        required: true,
      }),
      f('people', 'derived', '家庭人口', 'People', { list: true, readOnly: true }),
      f('netIncomeYuan', 'money', '家庭纯收入（元）', 'Net income (yuan)', {
        list: true,
        readOnly: true,
        range: true,
      }),
      f('perCapitaNetIncomeYuan', 'money', '人均纯收入（元）', 'Per-capita net income (yuan)', {
        list: true,
        readOnly: true,
        sortable: true,
        range: true,
      }),
    ],
  },
  {
    name: 'monitoringThresholds',
    singular: 'monitoringThreshold',
    type: 'MonitoringThreshold',
    zh: '防返贫监测标准',
    en: 'Monitoring lines',
    title: 'year',
    noSearch: true,
    fields: [
      f('year', 'int', '年度', 'Year', { required: true, list: true, sortable: true }),
      f('amountYuan', 'money', '监测标准（元/人·年）', 'Yuan per person per year', {
        required: true,
        list: true,
      }),
    ],
  },
);

resources.push(
  {
    name: 'users',
    singular: 'user',
    type: 'AppUser',
    mutationType: 'User',
    zh: '用户',
    en: 'Users',
    title: 'displayName',
    fields: [
      f('username', 'text', '用户名', 'Username', {
        required: true,
        list: true,
        sortable: true,
        createOnly: true,
      }),
      f('displayName', 'text', '姓名', 'Name', { required: true, list: true, sortable: true }),
      f('role', 'enum', '角色', 'Role', {
        of: 'Role',
        required: true,
        list: true,
        filter: true,
        sortable: true,
      }),
      f('townshipId', 'ref', '所属乡镇', 'Township', { of: 'townships', list: true, filter: true }),
      f('villageId', 'ref', '所属村', 'Village', { of: 'villages', list: true }),
      f('departmentId', 'ref', '所属单位', 'Department', { of: 'departments', list: true }),
      f('disabled', 'bool', '已停用', 'Disabled', { list: true, filter: true }),
      f('mustChangePassword', 'bool', '须修改密码', 'Must change password', { readOnly: true }),
      f('lockedUntil', 'datetime', '锁定至', 'Locked until', { readOnly: true }),
      f('lastLoginAt', 'datetime', '最近登录', 'Last sign-in', {
        readOnly: true,
        list: true,
        sortable: true,
      }),
    ],
  },
  {
    name: 'apiKeys',
    singular: '',
    type: 'ApiKey',
    zh: 'API密钥',
    en: 'API keys',
    title: 'name',
    noSingle: true,
    noVersion: true,
    sort: { field: 'createdAt', order: 'DESC' },
    fields: [
      f('name', 'text', '名称', 'Name', { required: true, list: true, sortable: true }),
      f('prefix', 'text', '密钥前缀', 'Prefix', { readOnly: true, list: true }),
      f('townshipId', 'ref', '限定乡镇', 'Township', { of: 'townships', list: true }),
      f('createdAt', 'datetime', '创建时间', 'Created', { readOnly: true, list: true, sortable: true }),
      f('lastUsedAt', 'datetime', '最近使用', 'Last used', { readOnly: true, list: true, sortable: true }),
      f('revokedAt', 'datetime', '吊销时间', 'Revoked', { readOnly: true, list: true }),
    ],
  },
  {
    name: 'auditEvents',
    singular: '',
    type: 'AuditEvent',
    zh: '审计日志',
    en: 'Audit trail',
    title: 'operation',
    noSingle: true,
    noVersion: true,
    readOnly: true,
    sort: { field: 'at', order: 'DESC' },
    fields: [
      f('at', 'datetime', '时间', 'When', { list: true, sortable: true, range: true }),
      f('actorName', 'text', '操作者', 'Actor', { list: true, filter: true, sortable: true }),
      f('role', 'enum', '角色', 'Role', { of: 'Role', list: true }),
      f('operation', 'text', '操作', 'Operation', { list: true, filter: true, sortable: true }),
      f('entity', 'text', '对象类型', 'Entity', { list: true, filter: true, sortable: true }),
      f('entityId', 'text', '对象ID', 'Entity ID', { list: true, filter: true }),
      f('requestId', 'text', '请求ID', 'Request ID', { filter: true }),
      f('clientAddress', 'text', '客户端地址', 'Client address'),
      f('before', 'json', '修改前', 'Before'),
      f('after', 'json', '修改后', 'After'),
    ],
  },
);

resources.push(
  {
    name: 'assetRevenues',
    singular: 'assetRevenue',
    type: 'AssetRevenue',
    zh: '资产收益',
    en: 'Asset revenue',
    title: 'year',
    hidden: true,
    noSearch: true,
    extra: 'distributions { purpose amountYuan }',
    fields: [
      f('assetId', 'ref', '资产', 'Asset', { of: 'assets', list: true, filter: true, createOnly: true }),
      f('year', 'int', '年度', 'Year', { list: true, sortable: true }),
      f('amountYuan', 'money', '收益金额（元）', 'Revenue (yuan)', { list: true, sortable: true }),
    ],
  },
  {
    name: 'assetDisposals',
    singular: 'assetDisposal',
    type: 'AssetDisposal',
    zh: '资产处置审批',
    en: 'Asset disposals',
    title: 'id',
    // which asset: many share a name, so its code, village and value come with it (issue #17 item 10)
    extra: 'asset { id assetCode name originalValueYuan village { name } }',
    readOnly: true,
    noSearch: true,
    sort: { field: 'requestedAt', order: 'DESC' },
    fields: [
      f('assetId', 'ref', '资产', 'Asset', { of: 'assets', list: true }),
      f('status', 'enum', '审批状态', 'Status', {
        of: 'DisposalStatus',
        list: true,
        filter: true,
        sortable: true,
      }),
      f('reason', 'enum', '处置原因', 'Reason', { of: 'DisposalReason', list: true, filter: true }),
      f('method', 'enum', '处置方式', 'Method', { of: 'DisposalMethod', list: true, filter: true }),
      f('explanation', 'text', '情况说明', 'Explanation', { list: true }),
      f('expectedProceedsYuan', 'money', '预计处置收入（元）', 'Expected proceeds (yuan)', { list: true }),
      f('requestedByName', 'text', '申请人', 'Requested by', { list: true }),
      f('requestedAt', 'date', '申请日期', 'Requested on', { list: true, sortable: true }),
      f('decidedByName', 'text', '审批人', 'Decided by', { list: true }),
      f('decidedAt', 'date', '审批日期', 'Decided on', { sortable: true }),
      f('approvalDocumentNo', 'text', '批准文号', 'Approval document'),
      f('proceedsYuan', 'money', '处置收入（元）', 'Proceeds (yuan)'),
      f('rejectionReason', 'text', '驳回理由', 'Rejection reason'),
    ],
  },
);

export const byName = new Map(resources.map((r) => [r.name, r]));

/** A household as people know it: 户主 · 户编号 (· village). */
export function householdLabel(h: any, withVillage = false): string {
  if (!h) return '';
  const head = h.head?.name ?? '';
  const parts = [head, h.householdNumber, withVillage ? h.village?.name : null].filter(Boolean);
  return parts.join(' · ');
}

/**
 * How a record is named in titles, pickers and references (issue #17 item 3): a household by its head
 * and number, a case by its household, others by their title field — never `#92`.
 */
export function representation(r: ResourceSpec): (record: any) => string {
  if (r.name === 'households') return (h) => householdLabel(h);
  if (r.name === 'monitoringCases')
    return (c) => (c?.household ? householdLabel(c.household) : String(c?.clueDate ?? ''));
  if (r.name === 'assetDisposals')
    return (d) => (d?.asset ? `${d.asset.assetCode} ${d.asset.name}` : String(d?.requestedAt ?? ''));
  return (x) => String(x?.[r.title] ?? '');
}
