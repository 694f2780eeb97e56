import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { currentActor, Role } from '../../auth/actor';
import { appendAudit } from '../../auth/audit';
import { lookupHash } from '../../auth/personal-data';
import { readScope, writeScope } from '../../auth/scope';
import { AppError, FieldErrors } from '../../common/errors';
import type { TextEncoding } from '../../common/import/decode-text';
import {
  DryRunDone,
  ImportProblem,
  MAX_IMPORT_ROWS,
  problemMaker,
  readSheet,
  RowsRefused,
  textProblems,
} from '../../common/import/sheet';
import { parseId, SqlParams } from '../../common/listing/sql-builder';
import { isRegistryDate } from '../../common/scalars';
import { DISTRICT_CODE } from '../../common/validation/division-code';
import { checkHappenedOn } from '../../common/validation/happened-on';
import { parseIdNumber } from '../../common/validation/id-number';
import type { Database } from '../../database/database';
import { addDays, DEADLINE_DAYS, today } from '../monitoring/monitoring-rules';
import { OPEN_STATUSES } from '../monitoring/monitoring.enums';
import {
  FEED_AS_OF_COLUMN,
  FEED_DIVISION_COLUMN,
  FEED_ID_COLUMN,
  FEED_NAME_COLUMN,
  feedHeaders,
  FeedKind,
  FEEDS,
} from './feeds';
import { DEPARTMENT_NAMES, normalizeValue, SECTOR_FIELDS, SectorField, SectorSource } from './sector-fields';

const problem = problemMaker({
  INVALID_ID_NUMBER: '身份证号无效（18位，校验位须正确）',
  DUPLICATE_IN_FILE: '身份证号在文件中重复',
  INVALID_DIVISION: '行政区划代码须为6至12位数字',
});

/** A feed row left out of the comparison and reported back: not in the register, or registered outside the district. */
export interface FeedRowNotice {
  row: number;
  reason: 'UNMATCHED' | 'OUT_OF_DISTRICT';
  message: string;
}

export interface FeedAlertNotice {
  row: number;
  rule: string;
  reason: string;
  householdNumber: string;
  /** OPENED: a new clue; JOINED: recorded on the household's open case. */
  outcome: 'OPENED' | 'JOINED';
}

export interface FeedReport {
  feed: FeedKind;
  dryRun: boolean;
  encoding: TextEncoding | null;
  fileHash: string;
  rows: number;
  matched: number;
  valuesChanged: number;
  unchangedRows: number;
  unmatched: number;
  outOfDistrict: number;
  cluesOpened: number;
  alertsOnOpenCases: number;
  notices: FeedRowNotice[];
  alerts: FeedAlertNotice[];
  problems: ImportProblem[];
  /** The recorded run (null for a dry run or a refused file). */
  runId: string | null;
  ms: number;
}

interface ParsedRow {
  n: number;
  hash: string;
  outOfDistrict: boolean;
  asOf: string;
  values: Partial<Record<SectorField, string>>;
  cells: Record<string, string>;
}

/**
 * Person-level sector fields and department feeds (issue #16; work plan §2.1, §2.2, §4(5)). A value
 * is written by the owning department's officers (any source but CADRE) or by the area roles (CADRE or
 * SELF_REPORT); each change keeps a history row. A feed upload is checked first (every invalid cell
 * reported), then applied all-or-nothing under one advisory lock.
 */
export class ExchangeService {
  constructor(private readonly db: Database) {}

  private async departmentId(code: string): Promise<number> {
    const [row] = await this.db.query('SELECT id FROM department WHERE code = $1', [code]);
    if (!row)
      throw new AppError('CONFLICT', 'DEPARTMENT_MISSING', `department ${code} is not in the reference data`);
    return row.id;
  }

  /** Current values of members (scoped as the members are), by member id. */
  async valuesOf(memberIds: number[]): Promise<Map<number, any[]>> {
    const params = new SqlParams();
    const scope = readScope('member_sector_value', 'v', params);
    const rows = await this.db.query(
      `SELECT v.* FROM member_sector_value v WHERE v.member_id = ANY(${params.add(memberIds)}::int[])
       ${scope ? `AND ${scope}` : ''} ORDER BY v.member_id, v.field`,
      params.values,
    );
    const out = new Map<number, any[]>();
    for (const r of rows) {
      const v = this.hydrateValue(r);
      out.set(v.memberId, [...(out.get(v.memberId) ?? []), v]);
    }
    return out;
  }

  private hydrateValue(r: any) {
    return {
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      memberId: r.member_id,
      field: r.field,
      value: r.value,
      departmentId: r.department_id,
      source: r.source,
      asOf: typeof r.as_of === 'string' ? r.as_of : r.as_of?.toISOString?.().slice(0, 10),
      recordedBy: r.recorded_by,
      feedRunId: r.feed_run_id,
    };
  }

  /** Value histories of members (scoped as the members are), oldest first, by member id: one query for all. */
  async historyOf(memberIds: number[], field: SectorField | null): Promise<Map<number, any[]>> {
    const params = new SqlParams();
    const scope = readScope('member_sector_value_change', 'v', params);
    const rows = await this.db.query(
      `SELECT v.* FROM member_sector_value_change v WHERE v.member_id = ANY(${params.add(memberIds)}::int[])
       ${field ? `AND v.field = ${params.add(field)}` : ''} ${scope ? `AND ${scope}` : ''} ORDER BY v.member_id, v.id`,
      params.values,
    );
    const out = new Map<number, any[]>();
    for (const r of rows) {
      const v = this.hydrateValue(r);
      out.set(v.memberId, [...(out.get(v.memberId) ?? []), v]);
    }
    return out;
  }

  /**
   * Sets (or clears, value null) one sector field of a member. FORBIDDEN/NOT_FIELD_OWNER when a
   * department officer's department does not own the field; BAD_USER_INPUT with SOURCE_NOT_ALLOWED,
   * the value's reason, FUTURE_DATE or OLDER_THAN_CURRENT (an as-of date before the stored one).
   */
  async setValue(input: {
    memberId: string;
    field: SectorField;
    value: string | null;
    source: SectorSource;
    asOf: string;
  }): Promise<any | null> {
    const actor = currentActor();
    const spec = SECTOR_FIELDS[input.field];
    const ownerId = await this.departmentId(spec.department);
    if (actor.role === Role.DEPARTMENT_OFFICER && actor.departmentId !== ownerId)
      throw new AppError(
        'FORBIDDEN',
        'NOT_FIELD_OWNER',
        `${input.field} belongs to ${DEPARTMENT_NAMES[spec.department]}; your department may not write it`,
        [{ field: 'input.field', reason: 'NOT_FIELD_OWNER', message: DEPARTMENT_NAMES[spec.department] }],
      );
    const errors = new FieldErrors();
    const isDepartment = actor.role === Role.DEPARTMENT_OFFICER;
    const allowed = isDepartment
      ? [SectorSource.FEED, SectorSource.SELF_REPORT]
      : [SectorSource.CADRE, SectorSource.SELF_REPORT];
    if (actor.kind !== 'SYSTEM' && !allowed.includes(input.source))
      errors.add('input.source', 'SOURCE_NOT_ALLOWED', `your role records ${allowed.join(' or ')}`);
    checkHappenedOn(errors, 'input.asOf', input.asOf);
    let value: string | null = null;
    if (input.value !== null) {
      const normalized = normalizeValue(input.field, input.value);
      if ('reason' in normalized) errors.add('input.value', normalized.reason, `expected ${spec.label}`);
      else value = normalized.value;
    }
    if (errors.any)
      throw new AppError('BAD_USER_INPUT', errors.list[0].reason, 'invalid sector value', errors.list);
    const memberId = parseId(input.memberId);
    return this.db.transaction(async (m) => {
      const params = new SqlParams();
      const scope = writeScope('household_member', 'mm', params);
      const [member] = memberId
        ? await m.query(
            `SELECT mm.id FROM household_member mm WHERE mm.id = ${params.add(memberId)} ${scope ? `AND ${scope}` : ''} FOR UPDATE`,
            params.values,
          )
        : [];
      if (!member)
        throw new AppError('NOT_FOUND', 'NOT_FOUND', 'no such member', [
          { field: 'input.memberId', reason: 'NOT_FOUND', message: 'no such member' },
        ]);
      const [current] = await m.query(
        'SELECT * FROM member_sector_value WHERE member_id = $1 AND field = $2',
        [member.id, input.field],
      );
      const currentAsOf = current ? this.hydrateValue(current).asOf : null;
      if (currentAsOf && input.asOf < currentAsOf)
        throw new AppError(
          'BAD_USER_INPUT',
          'OLDER_THAN_CURRENT',
          `the stored value holds as of ${currentAsOf}`,
          [{ field: 'input.asOf', reason: 'OLDER_THAN_CURRENT', message: currentAsOf }],
        );
      const by = actor.displayName.slice(0, 50);
      await m.query(
        `INSERT INTO member_sector_value_change (member_id, field, value, department_id, source, as_of, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [member.id, input.field, value, ownerId, input.source, input.asOf, by],
      );
      const before = current ? auditedSectorValue(this.hydrateValue(current)) : null;
      if (value === null) {
        await m.query('DELETE FROM member_sector_value WHERE member_id = $1 AND field = $2', [
          member.id,
          input.field,
        ]);
        await appendAudit(m, {
          operation: 'setMemberSectorField',
          entity: 'MemberSectorValue',
          entityId: current?.id ?? null,
          before,
          after: {
            memberId: member.id,
            field: input.field,
            value: null,
            source: input.source,
            asOf: input.asOf,
          },
        });
        return null;
      }
      const [row] = await m.query(
        `INSERT INTO member_sector_value (member_id, field, value, department_id, source, as_of, recorded_by, feed_run_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
         ON CONFLICT (member_id, field) DO UPDATE SET value = EXCLUDED.value, department_id = EXCLUDED.department_id,
           source = EXCLUDED.source, as_of = EXCLUDED.as_of, recorded_by = EXCLUDED.recorded_by, feed_run_id = NULL,
           version = member_sector_value.version + 1, updated_at = now()
         RETURNING *`,
        [member.id, input.field, value, ownerId, input.source, input.asOf, by],
      );
      const written = this.hydrateValue(row);
      await appendAudit(m, {
        operation: 'setMemberSectorField',
        entity: 'MemberSectorValue',
        entityId: written.id,
        before,
        after: auditedSectorValue(written),
      });
      return written;
    });
  }

  /** FORBIDDEN/NOT_FEED_OWNER unless the caller is district level or an officer of the feed's department. */
  private async assertFeedOwner(feed: FeedKind): Promise<number> {
    const actor = currentActor();
    const ownerId = await this.departmentId(FEEDS[feed].department);
    if (actor.role === Role.DEPARTMENT_OFFICER && actor.departmentId !== ownerId)
      throw new AppError(
        'FORBIDDEN',
        'NOT_FEED_OWNER',
        `${feed} is ${DEPARTMENT_NAMES[FEEDS[feed].department]}'s feed; your department may not upload it`,
      );
    return ownerId;
  }

  /** The feed's template: its headers and one example row of labels. */
  async template(feed: FeedKind): Promise<Buffer> {
    await this.assertFeedOwner(feed);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(FEEDS[feed].label);
    const headers = feedHeaders(feed);
    sheet.addRow(headers).font = { bold: true };
    sheet.columns.forEach((c) => (c.width = 20));
    const help = book.addWorksheet('填写说明');
    help.addRow(['列', '填写方式']);
    help.addRow([FEED_ID_COLUMN, '18位居民身份证号（必填，按此比对）']);
    help.addRow([FEED_NAME_COLUMN, '姓名（仅供核对，不导入）']);
    help.addRow([
      FEED_DIVISION_COLUMN,
      `户籍地行政区划代码，区外人员（非 ${DISTRICT_CODE} 开头）报回不比对；可空`,
    ]);
    for (const f of FEEDS[feed].fields) {
      const kind = SECTOR_FIELDS[f].kind;
      help.addRow([
        SECTOR_FIELDS[f].label,
        kind.type === 'BOOL'
          ? '是 / 否'
          : kind.type === 'ENUM'
            ? Object.values(kind.values).join(' / ')
            : kind.type === 'INT'
              ? `${kind.min}–${kind.max} 的整数`
              : kind.type === 'MONEY'
                ? '金额（元），最多两位小数'
                : `文字，最多${kind.max}字`,
      ]);
    }
    help.addRow([FEED_AS_OF_COLUMN, 'YYYY-MM-DD（必填，不晚于今天）']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  /** Runs of feeds, newest first: all for district level, the department's own for its officers. */
  async runs(feed: FeedKind | null, first: number): Promise<any[]> {
    const params = new SqlParams();
    const where = [writeScope('feed_run', 'r', params), feed ? `r.feed = ${params.add(feed)}` : null].filter(
      Boolean,
    );
    const rows = await this.db.query(
      `SELECT r.* FROM feed_run r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT ${params.add(Math.min(Math.max(first, 1), 100))}`,
      params.values,
    );
    return rows.map((r: any) => ({
      id: r.id,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      feed: r.feed,
      departmentId: r.department_id,
      runBy: r.run_by,
      fileHash: r.file_hash,
      rows: r.rows,
      matched: r.matched,
      valuesChanged: r.values_changed,
      unmatched: r.unmatched,
      outOfDistrict: r.out_of_district,
      cluesOpened: r.clues_opened,
      alertsOnOpenCases: r.alerts_on_open_cases,
    }));
  }

  /** Alerts recorded on monitoring cases (the triggering feed rows), by case id. */
  async alertsOf(caseIds: number[]): Promise<Map<number, any[]>> {
    const params = new SqlParams();
    const scope = readScope('feed_alert', 'a', params);
    const rows = await this.db.query(
      `SELECT a.* FROM feed_alert a WHERE a.monitoring_case_id = ANY(${params.add(caseIds)}::int[]) ${scope ? `AND ${scope}` : ''} ORDER BY a.id`,
      params.values,
    );
    const out = new Map<number, any[]>();
    for (const r of rows) {
      const a = {
        id: r.id,
        version: r.version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        feedRunId: r.feed_run_id,
        feed: r.feed,
        rule: r.rule,
        reason: r.reason,
        memberId: r.member_id,
        householdId: r.household_id,
        monitoringCaseId: r.monitoring_case_id,
        rowNumber: r.row_number,
        row: r.row,
      };
      out.set(r.monitoring_case_id, [...(out.get(r.monitoring_case_id) ?? []), a]);
    }
    return out;
  }

  /**
   * Imports a department feed (dry run by default at the route). Invalid cells refuse the whole
   * file (nothing written); rows of people outside the district or not in the register are reported
   * back; matched rows update the department's own fields (source FEED); the rules open clues
   * (DEPARTMENT_ALERT) with the triggering row. A re-run of the same rows changes nothing and opens nothing.
   */
  async importFeed(feed: FeedKind, file: Buffer, kind: 'xlsx' | 'csv', dryRun: boolean): Promise<FeedReport> {
    const started = Date.now();
    const ownerId = await this.assertFeedOwner(feed);
    const spec = FEEDS[feed];
    const report: FeedReport = {
      feed,
      dryRun,
      encoding: null,
      fileHash: createHash('sha256').update(file).digest('hex'),
      rows: 0,
      matched: 0,
      valuesChanged: 0,
      unchangedRows: 0,
      unmatched: 0,
      outOfDistrict: 0,
      cluesOpened: 0,
      alertsOnOpenCases: 0,
      notices: [],
      alerts: [],
      problems: [],
      runId: null,
      ms: 0,
    };
    const done = () => {
      report.problems.sort((a, b) => a.row - b.row);
      report.notices.sort((a, b) => a.row - b.row);
      report.alerts.sort((a, b) => a.row - b.row);
      report.ms = Date.now() - started;
      return report;
    };
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(file, kind);
    } catch {
      report.problems.push(problem(1, '', 'UNREADABLE'));
      return done();
    }
    report.encoding = sheet.encoding;
    report.problems.push(...textProblems(sheet, problem));
    if (report.problems.length) return done();
    report.rows = sheet.rows.length;
    if (sheet.rows.length > MAX_IMPORT_ROWS) {
      report.problems.push(problem(1, '', 'TOO_MANY_ROWS'));
      return done();
    }
    const index = new Map(sheet.headers.map((h, i) => [h.trim(), i]));
    for (const h of [FEED_ID_COLUMN, FEED_AS_OF_COLUMN, ...spec.fields.map((f) => SECTOR_FIELDS[f].label)])
      if (!index.has(h)) report.problems.push(problem(1, h, 'MISSING_COLUMN'));
    if (report.problems.length) return done();
    const parsed = this.parseRows(feed, sheet.rows, index, report.problems);
    if (report.problems.length) return done();
    try {
      await this.db.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('importFeed'))`);
        const inDistrict = parsed.filter((p) => !p.outOfDistrict);
        for (const p of parsed.filter((x) => x.outOfDistrict))
          report.notices.push({ row: p.n, reason: 'OUT_OF_DISTRICT', message: '户籍不在本区，未比对' });
        const members: any[] = await m.query(
          `SELECT mm.id, mm.household_id, mm.id_number_hash, h.household_number,
                  (SELECT i.net_income_yuan FROM household_income i WHERE i.household_id = h.id ORDER BY i.year DESC LIMIT 1) AS net_income
             FROM household_member mm JOIN household h ON h.id = mm.household_id
            WHERE mm.id_number_hash = ANY($1::text[])`,
          [inDistrict.map((p) => p.hash)],
        );
        const byHash = new Map(members.map((x) => [x.id_number_hash, x]));
        const matched: { p: ParsedRow; member: any }[] = [];
        for (const p of inDistrict) {
          const member = byHash.get(p.hash);
          if (member) matched.push({ p, member });
          else
            report.notices.push({ row: p.n, reason: 'UNMATCHED', message: '身份证号在系统中无对应家庭成员' });
        }
        report.outOfDistrict = parsed.length - inDistrict.length;
        report.unmatched = inDistrict.length - matched.length;
        report.matched = matched.length;
        const current: any[] = await m.query(
          `SELECT member_id, field, value, as_of::text AS as_of FROM member_sector_value
            WHERE member_id = ANY($1::int[]) AND field = ANY($2::text[]::sector_field[])`,
          [matched.map((x) => x.member.id), spec.fields],
        );
        const before = new Map<number, Partial<Record<SectorField, { value: string; asOf: string }>>>();
        for (const c of current)
          before.set(c.member_id, {
            ...before.get(c.member_id),
            [c.field]: { value: c.value, asOf: c.as_of },
          });
        const [run] = await m.query(
          `INSERT INTO feed_run (feed, department_id, run_by, file_hash, rows, matched, values_changed, unmatched,
             out_of_district, clues_opened, alerts_on_open_cases) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, 0, 0) RETURNING id`,
          [
            feed,
            ownerId,
            currentActor().displayName.slice(0, 50),
            report.fileHash,
            report.rows,
            report.matched,
            report.unmatched,
            report.outOfDistrict,
          ],
        );
        const writes: any[] = [];
        const fired: { p: ParsedRow; member: any; rule: string; reason: string; fingerprint: string }[] = [];
        for (const { p, member } of matched) {
          const was = before.get(member.id) ?? {};
          let changed = false;
          const beforeValues: Partial<Record<SectorField, string>> = {};
          const afterValues: Partial<Record<SectorField, string>> = {};
          for (const f of spec.fields) {
            if (was[f]) beforeValues[f] = was[f]!.value;
            const v = p.values[f];
            if (v === undefined) {
              if (was[f]) afterValues[f] = was[f]!.value;
              continue;
            }
            // An older list never overwrites a newer value; the same value and date is unchanged.
            if (was[f] && (was[f]!.asOf > p.asOf || (was[f]!.asOf === p.asOf && was[f]!.value === v))) {
              afterValues[f] = was[f]!.value;
              continue;
            }
            afterValues[f] = v;
            changed = true;
            writes.push({
              member_id: member.id,
              field: f,
              value: v,
              as_of: p.asOf,
              history: !was[f] || was[f]!.value !== v,
            });
          }
          if (!changed) report.unchangedRows++;
          for (const rule of spec.rules) {
            const hit = rule.fires({
              before: beforeValues,
              after: afterValues,
              householdNetIncomeYuan: member.net_income ?? null,
            });
            if (!hit) continue;
            const fingerprint = createHash('sha256')
              .update(`${feed}|${rule.code}|${member.id}|${hit.key}|${p.asOf}`)
              .digest('hex');
            fired.push({ p, member, rule: rule.code, reason: hit.reason, fingerprint });
          }
        }
        report.valuesChanged = writes.length;
        if (writes.length) {
          const by = `${DEPARTMENT_NAMES[spec.department]}数据`;
          await m.query(
            `INSERT INTO member_sector_value (member_id, field, value, department_id, source, as_of, recorded_by, feed_run_id)
             SELECT x.member_id, x.field::sector_field, x.value, $2, 'FEED', x.as_of, $3, $4
               FROM jsonb_to_recordset($1::jsonb) AS x(member_id int, field text, value text, as_of date)
             ON CONFLICT (member_id, field) DO UPDATE SET value = EXCLUDED.value, department_id = EXCLUDED.department_id,
               source = 'FEED', as_of = EXCLUDED.as_of, recorded_by = EXCLUDED.recorded_by, feed_run_id = EXCLUDED.feed_run_id,
               version = member_sector_value.version + 1, updated_at = now()`,
            [JSON.stringify(writes), ownerId, by, run.id],
          );
          const history = writes.filter((w) => w.history);
          if (history.length)
            await m.query(
              `INSERT INTO member_sector_value_change (member_id, field, value, department_id, source, as_of, recorded_by, feed_run_id)
               SELECT x.member_id, x.field::sector_field, x.value, $2, 'FEED', x.as_of, $3, $4
                 FROM jsonb_to_recordset($1::jsonb) AS x(member_id int, field text, value text, as_of date)`,
              [JSON.stringify(history), ownerId, by, run.id],
            );
        }
        const cases = await this.openClues(m, feed, run.id, fired, report);
        await m.query(
          `UPDATE feed_run SET values_changed = $2, clues_opened = $3, alerts_on_open_cases = $4 WHERE id = $1`,
          [run.id, report.valuesChanged, report.cluesOpened, report.alertsOnOpenCases],
        );
        // One summarised event per run (README: accounts, roles and personal data): its counts, the file's hash, and which members'
        // fields it changed and which cases it opened or joined; the values themselves (sensitive
        // personal data) are not copied into the trail.
        const changed: Record<string, number[]> = {};
        for (const w of writes) (changed[w.field] ??= []).push(w.member_id);
        await appendAudit(m, {
          operation: 'importFeed',
          entity: 'FeedRun',
          entityId: run.id,
          after: {
            feed,
            departmentId: ownerId,
            fileHash: report.fileHash,
            encoding: report.encoding,
            rows: report.rows,
            matched: report.matched,
            valuesChanged: report.valuesChanged,
            unchangedRows: report.unchangedRows,
            unmatched: report.unmatched,
            outOfDistrict: report.outOfDistrict,
            cluesOpened: report.cluesOpened,
            alertsOnOpenCases: report.alertsOnOpenCases,
            changedMembersByField: changed,
            casesOpened: cases.opened,
            casesJoined: cases.joined,
          },
        });
        report.runId = String(run.id);
        if (dryRun) throw new DryRunDone();
      });
    } catch (error) {
      if (error instanceof DryRunDone) {
        report.runId = null;
        return done();
      }
      if (error instanceof RowsRefused) return done();
      throw error;
    }
    return done();
  }

  private parseRows(
    feed: FeedKind,
    rows: { n: number; cells: string[] }[],
    index: Map<string, number>,
    problems: ImportProblem[],
  ): ParsedRow[] {
    const spec = FEEDS[feed];
    const cell = (cells: string[], h: string) => (index.has(h) ? (cells[index.get(h)!] ?? '').trim() : '');
    const seen = new Set<string>();
    const out: ParsedRow[] = [];
    const now = today();
    for (const { n, cells } of rows) {
      const rawId = cell(cells, FEED_ID_COLUMN).toUpperCase();
      let hash = '';
      if (!rawId) problems.push(problem(n, FEED_ID_COLUMN, 'REQUIRED'));
      else if ('reason' in parseIdNumber(rawId))
        problems.push(problem(n, FEED_ID_COLUMN, 'INVALID_ID_NUMBER'));
      else if (seen.has(rawId)) problems.push(problem(n, FEED_ID_COLUMN, 'DUPLICATE_IN_FILE'));
      else {
        seen.add(rawId);
        hash = lookupHash(rawId);
      }
      const division = cell(cells, FEED_DIVISION_COLUMN);
      if (division && !/^\d{6,12}$/.test(division))
        problems.push(problem(n, FEED_DIVISION_COLUMN, 'INVALID_DIVISION'));
      const asOf = cell(cells, FEED_AS_OF_COLUMN);
      if (!asOf) problems.push(problem(n, FEED_AS_OF_COLUMN, 'REQUIRED'));
      else if (!isRegistryDate(asOf)) problems.push(problem(n, FEED_AS_OF_COLUMN, 'INVALID_DATE'));
      else if (asOf > now) problems.push(problem(n, FEED_AS_OF_COLUMN, 'FUTURE_DATE'));
      const values: Partial<Record<SectorField, string>> = {};
      for (const f of spec.fields) {
        const raw = cell(cells, SECTOR_FIELDS[f].label);
        if (!raw) continue;
        const v = normalizeValue(f, raw);
        if ('reason' in v) problems.push(problem(n, SECTOR_FIELDS[f].label, v.reason));
        else values[f] = v.value;
      }
      const kept: Record<string, string> = {};
      for (const [h, i] of index)
        if (h !== FEED_ID_COLUMN && h !== FEED_NAME_COLUMN && cells[i]) kept[h] = cells[i].trim();
      out.push({
        n,
        hash,
        outOfDistrict: !!division && !division.startsWith(DISTRICT_CODE),
        asOf,
        values,
        cells: kept,
      });
    }
    return out;
  }

  /**
   * One clue per household and run for the rules that fired (reasons joined), unless the household
   * has an open case (the alert joins it) or the same alert was recorded before (fingerprint: nothing).
   */
  private async openClues(
    m: { query: (sql: string, params?: unknown[]) => Promise<any> },
    feed: FeedKind,
    runId: number,
    fired: { p: ParsedRow; member: any; rule: string; reason: string; fingerprint: string }[],
    report: FeedReport,
  ): Promise<{ opened: number[]; joined: number[] }> {
    const cases = { opened: [] as number[], joined: [] as number[] };
    if (!fired.length) return cases;
    const known = new Set(
      (
        await m.query('SELECT fingerprint FROM feed_alert WHERE fingerprint = ANY($1::text[])', [
          fired.map((f) => f.fingerprint),
        ])
      ).map((r: any) => r.fingerprint),
    );
    const fresh = fired.filter((f) => !known.has(f.fingerprint));
    if (!fresh.length) return cases;
    const households = [...new Set(fresh.map((f) => f.member.household_id as number))];
    const open = new Map<number, number>(
      (
        await m.query(
          `SELECT household_id, id FROM monitoring_case WHERE household_id = ANY($1::int[])
              AND status = ANY($2::text[]::monitoring_status[])`,
          [households, OPEN_STATUSES],
        )
      ).map((r: any) => [r.household_id, r.id]),
    );
    const date = today();
    const by = `${DEPARTMENT_NAMES[FEEDS[feed].department]}（比对）`;
    for (const h of households) {
      const alerts = fresh.filter((f) => f.member.household_id === h);
      let caseId = open.get(h);
      const outcome = caseId ? 'JOINED' : 'OPENED';
      if (!caseId) {
        const [row] = await m.query(
          `INSERT INTO monitoring_case (household_id, status, discovery_source, trigger_reasons, clue_date, clue_by, deadline)
           VALUES ($1, 'CLUE', 'DEPARTMENT_ALERT', $2::text[], $3, $4, $5) RETURNING id`,
          [h, alerts.map((a) => a.reason), date, by, addDays(date, DEADLINE_DAYS)],
        );
        caseId = row.id as number;
        report.cluesOpened++;
        cases.opened.push(caseId);
      } else {
        cases.joined.push(caseId);
        await m.query(
          `UPDATE monitoring_case SET trigger_reasons = trigger_reasons || $2::text[], version = version + 1, updated_at = now() WHERE id = $1`,
          [caseId, alerts.map((a) => a.reason)],
        );
        report.alertsOnOpenCases += alerts.length;
      }
      for (const a of alerts) {
        await m.query(
          `INSERT INTO feed_alert (feed_run_id, feed, rule, reason, member_id, household_id, monitoring_case_id, row_number, row, fingerprint)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
          [
            runId,
            feed,
            a.rule,
            a.reason,
            a.member.id,
            h,
            caseId,
            a.p.n,
            JSON.stringify(a.p.cells),
            a.fingerprint,
          ],
        );
        report.alerts.push({
          row: a.p.n,
          rule: a.rule,
          reason: a.reason,
          householdNumber: a.member.household_number,
          outcome,
        });
      }
    }
    return cases;
  }
}

/**
 * A sector value as the audit trail keeps it: the value masked whoever wrote it (the owning
 * department's officers see it in the API, the trail's readers do not; README: accounts, roles and personal data).
 */
function auditedSectorValue(v: { value: string | null }): object {
  return { ...v, value: v.value === null ? null : '***' };
}
