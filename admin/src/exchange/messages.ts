/** Console texts of the data exchange (issue #16), as [Chinese, English] pairs. */
type Pairs = { [key: string]: [string, string] | Pairs };

export const EXCHANGE_MESSAGES: Pairs = {
  feeds: {
    title: ['数据导入 · 部门比对数据', 'Data import: department feeds'],
    help: [
      '选择本部门的比对数据类别，下载模板填写后上传。先检查：列出每个有误的单元格、未比对上和区外人员，以及将生成的预警线索，不写入任何数据；检查通过后再导入：只更新本部门负责的字段（来源为部门数据），按规则生成部门筛查预警线索。重复导入同一文件不会改变数据，也不会重复生成线索。',
      'Pick your department’s feed, fill in its template and upload it. Check first (invalid cells, unmatched and out-of-district rows and the clues it would open are listed; nothing is written), then import: only your department’s fields change, rules open department-alert clues; re-importing a file changes nothing.',
    ],
    feed: ['比对数据类别', 'Feed'],
    template: ['下载模板', 'Download the template'],
    ownOnly: ['只能上传本部门的比对数据', 'Only your department’s feeds are accepted'],
    checked: [
      '检查通过：%{rows}行，比对成功%{matched}行，将更新%{changed}个字段；未比对上%{unmatched}行，区外%{outside}行；将生成预警线索%{clues}条，并入在办案件%{joined}条（用时%{seconds}秒）。',
      'Checked: %{rows} rows, %{matched} matched, %{changed} values to change; %{unmatched} unmatched, %{outside} outside the district; %{clues} clues to open, %{joined} joining open cases (%{seconds} s).',
    ],
    done: [
      '导入完成：%{rows}行，比对成功%{matched}行，更新%{changed}个字段；未比对上%{unmatched}行，区外%{outside}行；生成预警线索%{clues}条，并入在办案件%{joined}条（用时%{seconds}秒）。',
      'Imported: %{rows} rows, %{matched} matched, %{changed} values changed; %{unmatched} unmatched, %{outside} outside the district; %{clues} clues opened, %{joined} joined open cases (%{seconds} s).',
    ],
    alerts: ['预警线索', 'Alerts'],
    notices: ['未比对的行（已报回）', 'Rows not compared (reported back)'],
    household: ['户编号', 'Household'],
    outcome: {
      OPENED: ['新线索', 'new clue'],
      JOINED: ['并入在办案件', 'joined the open case'],
    },
  },
  sector: {
    title: [
      '部门业务字段（社会救助、医保、残疾、教育等）',
      'Sector fields (assistance, insurance, disability, schooling)',
    ],
    none: ['暂无部门数据', 'No department data yet'],
    field: ['字段', 'Field'],
    value: ['取值', 'Value'],
    department: ['责任部门', 'Department'],
    source: ['数据来源', 'Source'],
    asOf: ['截至日期', 'As of'],
  },
  followUps: {
    title: ['事后回访', 'Follow-up visits'],
    help: [
      '风险消除后的农户按季度回访一年（可配置）：以下为已到回访日期的农户。回访发现风险反弹的，可重新纳入监测（生成新线索）。',
      'Households whose risk was eliminated are visited every quarter for a year (configurable): these are due. A follow-up that finds the risk back reopens the household as a new clue.',
    ],
    eliminated: ['风险消除日期', 'Risk eliminated'],
    last: ['上次回访', 'Last follow-up'],
    due: ['应回访日期', 'Due on'],
    overdue: ['逾期%{days}天', '%{days} days overdue'],
  },
};
