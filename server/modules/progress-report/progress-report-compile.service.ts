import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import type { Database } from '../../database/database';
import type { PlanTaskQueries, UnitTask } from '../plan-task/plan-task.service';
import type { FigureSnapshot, StoredSection } from './progress-report.entity';
import { CompiledReportFormat } from './progress-report.enums';
import { FigureDefinition, FIGURES_BY_TASK } from './progress-report-figures';
import type { ProgressReportFigureService } from './progress-report-figures.service';
import { IndicatorFigure, indicatorFigures } from './progress-report-indicators';
import { parseMonth } from './progress-report-period';

interface AcceptedReport {
  unitName: string;
  texts: StoredSection[];
  snapshot: FigureSnapshot;
}

export interface CompiledFile {
  filename: string;
  contentType: string;
  base64: string;
  reports: number;
}

const TITLE = '白银区巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作进展汇总';
const CONTENT_TYPES = {
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Every figure of a task (departments' and townships' together, the task's plan indicators last). */
function figuresOfTask(t: UnitTask, indicators: IndicatorFigure[]): FigureDefinition[] {
  const clause = `${t.sectionNo}.${t.taskNo}`;
  // Valued as a township would (every indicator of the task): only the definitions are used here.
  const plan = indicatorFigures(indicators, clause, { id: 0, townshipId: 0 }).map((f) => f.definition);
  return [...(FIGURES_BY_TASK[clause] ?? []), ...plan];
}
const figureText = (f: FigureDefinition, v: string) => `${f.label}${v}${f.unit}`;

/**
 * The compiled district report of a month for the leading group: every ACCEPTED report merged,
 * figures as frozen at submission. XLSX: one sheet per task (one row per unit); DOCX: headings by
 * plan section and task; both in Chinese with the figures' definitions in an annex.
 */
export class ProgressReportCompileService {
  constructor(
    private readonly db: Database,
    private readonly tasks: PlanTaskQueries,
    private readonly figures: ProgressReportFigureService,
  ) {}

  async compile(month: string, format: CompiledReportFormat): Promise<CompiledFile> {
    parseMonth(month);
    const rows = await this.db.query(
      `SELECT d.name AS unit_name, r.texts, r.snapshot FROM progress_report r JOIN department d ON d.id = r.department_id
        WHERE r.month = $1 AND r.status = 'ACCEPTED' ORDER BY d.code`,
      [month],
    );
    const reports: AcceptedReport[] = rows.map((r: any) => ({
      unitName: r.unit_name,
      texts: r.texts ?? [],
      snapshot: r.snapshot ?? {},
    }));
    const reported = await this.reportedTasks();
    const withUnits = (await this.tasks.allTasks()).filter((t) => reported.has(t.id));
    const indicators = await this.figures.indicatorDefinitions(month);
    const taskFigures = (t: UnitTask) => figuresOfTask(t, indicators);
    const [y, mm] = [parseMonth(month).year, parseMonth(month).month];
    const heading = `${TITLE}（${y}年${mm}月）`;
    const buffer =
      format === CompiledReportFormat.XLSX
        ? await this.xlsx(heading, withUnits, reports, taskFigures)
        : await this.docx(heading, withUnits, reports, taskFigures);
    return {
      filename: `${TITLE}-${month}.${format.toLowerCase()}`,
      contentType: CONTENT_TYPES[format],
      base64: buffer.toString('base64'),
      reports: reports.length,
    };
  }

  /** Tasks some unit reports on (the plan's general part has none). */
  private async reportedTasks(): Promise<Set<number>> {
    const rows = await this.db.query(
      'SELECT id FROM plan_task WHERE includes_townships OR id IN (SELECT plan_task_id FROM plan_task_unit)',
    );
    return new Set(rows.map((r: any) => r.id));
  }

  private async xlsx(
    heading: string,
    tasks: UnitTask[],
    reports: AcceptedReport[],
    taskFigures: (t: UnitTask) => FigureDefinition[],
  ): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.title = heading;
    const used = new Set<string>();
    for (const t of tasks) {
      // Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique.
      let name = `${t.clause}${t.title}`.replace(/[\\/?*[\]:]/g, '').slice(0, 31);
      while (used.has(name)) name = `${name.slice(0, 29)}_${used.size}`;
      used.add(name);
      const ws = wb.addWorksheet(name);
      const figures = taskFigures(t);
      ws.addRow([`${t.clause}${t.title}`]);
      ws.addRow([
        '报送单位',
        ...figures.map((f) => `${f.label}（${f.unit}）`),
        '工作进展',
        '存在问题',
        '下月计划',
        '其他数据',
      ]);
      ws.getRow(2).font = { bold: true };
      for (const r of reports) {
        const text = r.texts.find((s) => s.planTaskId === t.id);
        const frozen = r.snapshot[String(t.id)];
        if (!frozen) continue; // the unit is not responsible for this task
        ws.addRow([
          r.unitName,
          ...figures.map((f) => {
            const v = frozen[f.key];
            // A spreadsheet cell holds a number; yuan have 2 decimals, shown with the ¥ format.
            return v === undefined ? '' : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
          }),
          text?.progress ?? '',
          text?.problems ?? '',
          text?.nextMonth ?? '',
          (text?.otherFigures ?? []).map((o) => `${o.label}${o.value}${o.unit}`).join('；'),
        ]);
      }
      figures.forEach((f, i) => {
        if (f.money) ws.getColumn(i + 2).numFmt = '"¥"#,##0.00';
      });
      ws.getColumn(1).width = 24;
    }
    const annex = wb.addWorksheet('附件 预填数据口径');
    annex.addRow(['任务', '数据项', '单位', '口径']).font = { bold: true };
    for (const t of tasks)
      for (const f of taskFigures(t)) annex.addRow([`${t.clause}${t.title}`, f.label, f.unit, f.definition]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private async docx(
    heading: string,
    tasks: UnitTask[],
    reports: AcceptedReport[],
    taskFigures: (t: UnitTask) => FigureDefinition[],
  ): Promise<Buffer> {
    const children: Paragraph[] = [new Paragraph({ text: heading, heading: HeadingLevel.TITLE })];
    children.push(
      new Paragraph({
        text: `本汇总收录已采纳的单位报告${reports.length}份；数据为各单位报送时从系统取得的数值。`,
      }),
    );
    let section = 0;
    for (const t of tasks) {
      if (t.sectionNo !== section) {
        section = t.sectionNo;
        const numeral = t.clause.split('（')[0];
        children.push(
          new Paragraph({ text: `${numeral}、${t.sectionTitle}`, heading: HeadingLevel.HEADING_1 }),
        );
      }
      children.push(
        new Paragraph({
          text: `${t.clause.slice(t.clause.indexOf('（'))}${t.title}`,
          heading: HeadingLevel.HEADING_2,
        }),
      );
      const figures = taskFigures(t);
      let any = false;
      for (const r of reports) {
        const frozen = r.snapshot[String(t.id)];
        if (!frozen) continue;
        any = true;
        const text = r.texts.find((s) => s.planTaskId === t.id);
        children.push(new Paragraph({ text: r.unitName, heading: HeadingLevel.HEADING_3 }));
        const values = figures
          .filter((f) => frozen[f.key] !== undefined)
          .map((f) => figureText(f, frozen[f.key]));
        const other = (text?.otherFigures ?? []).map((o) => `${o.label}${o.value}${o.unit}`);
        if (values.length || other.length)
          children.push(line('主要数据：', [...values, ...other].join('；')));
        children.push(line('工作进展：', text?.progress || '（未填写）'));
        if (text?.problems) children.push(line('存在问题：', text.problems));
        if (text?.nextMonth) children.push(line('下月计划：', text.nextMonth));
      }
      if (!any) children.push(new Paragraph({ text: '本月无已采纳的单位报告。' }));
    }
    children.push(new Paragraph({ text: '附件：预填数据口径', heading: HeadingLevel.HEADING_1 }));
    for (const t of tasks) {
      const figures = taskFigures(t);
      if (!figures.length) continue;
      children.push(new Paragraph({ text: `${t.clause}${t.title}`, heading: HeadingLevel.HEADING_2 }));
      for (const f of figures) children.push(line(`${f.label}（${f.unit}）：`, f.definition));
    }
    const doc = new Document({ title: heading, creator: '白银区巩固衔接信息系统', sections: [{ children }] });
    return Packer.toBuffer(doc);
  }
}

const line = (label: string, text: string) =>
  new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(text)] });
