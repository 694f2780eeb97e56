import { gql } from '../providers/graphql';

export interface Figure {
  key: string;
  label: string;
  definition: string;
  unit: string;
  value: string;
  submittedValue: string | null;
  changedSinceSubmission: boolean;
}
export interface OtherFigure {
  label: string;
  value: string;
  unit: string;
}
export interface Section {
  planTask: { id: string; clause: string; title: string };
  figures: Figure[];
  progress: string;
  problems: string;
  nextMonth: string;
  otherFigures: OtherFigure[];
}
export interface Report {
  id: string;
  version: number;
  month: string;
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  timeliness: string;
  returnReason: string | null;
  periodFrom: string;
  periodTo: string;
  department: { id: string; name: string };
  sections: Section[];
}
export interface UnitStatus {
  unit: { id: string; name: string; code: string };
  reportId: string | null;
  status: Report['status'] | null;
  timeliness: 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_DUE';
  firstSubmittedAt: string | null;
}
export interface Rates {
  month: string;
  dueAt: string;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  reportingRatePercent: string;
  onTimeRatePercent: string;
  units: UnitStatus[];
}

const REPORT = `id version month status timeliness returnReason periodFrom periodTo department { id name }
  sections { planTask { id clause title } progress problems nextMonth otherFigures { label value unit }
             figures { key label definition unit value submittedValue changedSinceSubmission } }`;

export const rates = (month: string) =>
  gql<{ reportingRates: Rates }>(
    `query($m: String!) { reportingRates(month: $m) { month dueAt expected onTime late missing notDue reportingRatePercent onTimeRatePercent
       units { unit { id name code } reportId status timeliness firstSubmittedAt } } }`,
    { m: month },
  ).then((d) => d.reportingRates);

export const reportOf = (unit: string, month: string) =>
  gql<{ progressReports: { nodes: Report[] } }>(
    `query($u: ID!, $m: String!) { progressReports(filter: { departmentId: { eq: $u }, month: { eq: $m } }) { nodes { ${REPORT} } } }`,
    { u: unit, m: month },
  ).then((d) => d.progressReports.nodes[0] ?? null);

export const saveReport = (unit: string, month: string, sections?: unknown[]) =>
  gql<{ saveProgressReport: Report }>(
    `mutation($i: SaveProgressReportInput!) { saveProgressReport(input: $i) { ${REPORT} } }`,
    { i: { departmentId: unit, month, sections } },
  ).then((d) => d.saveProgressReport);

export const stepReport = (
  verb: 'submit' | 'accept' | 'return',
  id: string,
  version: number,
  reason?: string,
) =>
  gql<Record<string, Report>>(
    verb === 'return'
      ? `mutation($id: ID!, $v: Int, $r: String!) { x: returnProgressReport(id: $id, expectedVersion: $v, input: { reason: $r }) { ${REPORT} } }`
      : `mutation($id: ID!, $v: Int) { x: ${verb}ProgressReport(id: $id, expectedVersion: $v) { ${REPORT} } }`,
    { id, v: version, r: reason },
  ).then((d) => d.x);

/** Downloads the compiled district report of a month (the API returns it base64-encoded). */
export async function downloadCompiled(month: string, format: 'XLSX' | 'DOCX'): Promise<number> {
  const { compiledProgressReport: f } = await gql<{
    compiledProgressReport: { filename: string; contentType: string; base64: string; reports: number };
  }>(
    `query($m: String!, $f: CompiledReportFormat!) { compiledProgressReport(month: $m, format: $f) { filename contentType base64 reports } }`,
    { m: month, f: format },
  );
  const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes], { type: f.contentType }));
  a.download = f.filename;
  a.click();
  return f.reports;
}

/** The current month in China Standard Time, YYYY-MM. */
export function currentMonth(): string {
  const cst = new Date(Date.now() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}-${String(cst.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
