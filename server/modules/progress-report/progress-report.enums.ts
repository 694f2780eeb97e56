import { defineEnum } from '../../common/enums';
import { enumFilter } from '../../common/listing/filters';

/** States of a monthly progress report (work plan, closing clause: 每月20日前报送工作进展情况). */
export enum ProgressReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  RETURNED = 'RETURNED',
}
defineEnum(
  ProgressReportStatus,
  'ProgressReportStatus',
  'State of a progress report: DRAFT → SUBMITTED → ACCEPTED, or RETURNED (with a reason) → SUBMITTED again. 报送状态',
  {
    DRAFT: '草稿',
    SUBMITTED: '已报送',
    ACCEPTED: '已采纳',
    RETURNED: '已退回',
  },
);

/** How a unit's report of a month counts in the reporting rates (as DHIS2 counts them). */
export enum ReportTimeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  MISSING = 'MISSING',
  NOT_DUE = 'NOT_DUE',
}
defineEnum(
  ReportTimeliness,
  'ReportTimeliness',
  'Timeliness of a unit’s report of a month, judged by its first submission against the due instant (REPORT_DUE_DAY, 23:59:59 China Standard Time). 报送及时性',
  {
    ON_TIME: '按时报送 (first submitted on or before the due day)',
    LATE: '逾期报送 (first submitted after the due day)',
    MISSING: '未报送 (not submitted, the due day has passed)',
    NOT_DUE: '未到期 (not submitted yet, the due day has not passed)',
  },
);

/** Formats of the compiled district report. */
export enum CompiledReportFormat {
  XLSX = 'XLSX',
  DOCX = 'DOCX',
}
defineEnum(
  CompiledReportFormat,
  'CompiledReportFormat',
  'File format of the compiled district report. 汇总报告格式',
  {
    XLSX: 'Excel: one sheet per task, one row per unit',
    DOCX: 'Word: headings by plan section and task',
  },
);

export const ProgressReportStatusFilter = enumFilter(
  ProgressReportStatus,
  'ProgressReportStatus',
  '报送状态',
);
