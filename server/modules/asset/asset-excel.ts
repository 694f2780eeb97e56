import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { currentActor, Role } from '../../auth/actor';
import { appendAudit, redact, redactFilter } from '../../auth/audit';
import { personalFieldsOf, shownValue } from '../../auth/personal-data';
import { writeScope } from '../../auth/scope';
import { enumLabels } from '../../common/enums';
import { FieldErrors } from '../../common/errors';
import { isRegistryDate } from '../../common/scalars';
import { today } from '../../common/today';
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
import { isUniqueViolation } from '../../common/database-faults';
import { AppError } from '../../common/errors';
import { hydrate } from '../../common/listing/lister';
import { scopedFilterToSql, SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { Asset } from './asset.entity';
import { AssetClass, AssetStatus, FundingSource } from './asset.enums';
import type { AssetService } from './asset.service';

/**
 * The asset ledger as a spreadsheet (台账导入导出): one row per asset, Chinese headers, enum values as
 * their Chinese labels, money in yuan, one column per funding source (the original value is their
 * sum), a totals row (合计) at the end. Export and import use the same columns, so an exported file
 * imports back without changes.
 */
interface Column {
  header: string;
  key: string;
  kind: 'text' | 'int' | 'money' | 'date' | 'enum' | 'village' | 'household' | 'site' | 'department' | 'info';
  of?: string;
  required?: boolean;
  max?: number;
}

const FUNDING_COLUMNS: Column[] = Object.values(FundingSource).map((source) => ({
  header: `${enumLabels.get('FundingSource')?.[source] ?? source}(元)`,
  key: `funding:${source}`,
  kind: 'money',
}));

export const ASSET_COLUMNS: Column[] = [
  { header: '资产编号', key: 'assetCode', kind: 'text', required: true, max: 40 },
  { header: '资产名称', key: 'name', kind: 'text', required: true, max: 100 },
  { header: '资产类别', key: 'assetClass', kind: 'enum', of: 'AssetClass', required: true },
  { header: '资产类型', key: 'category', kind: 'enum', of: 'AssetCategory', required: true },
  { header: '项目名称', key: 'projectName', kind: 'text', required: true, max: 200 },
  { header: '项目年度', key: 'projectYear', kind: 'int', required: true },
  { header: '竣工日期', key: 'completedAt', kind: 'date' },
  { header: '所在村代码', key: 'villageId', kind: 'village' },
  { header: '所在村', key: 'villageName', kind: 'info' },
  { header: '到户农户编号', key: 'householdId', kind: 'household' },
  { header: '安置点', key: 'relocationSiteId', kind: 'site' },
  { header: '行业主管部门', key: 'responsibleDepartmentId', kind: 'department', required: true },
  { header: '产权归属层级', key: 'ownershipLevel', kind: 'enum', of: 'OwnershipLevel', required: true },
  { header: '产权所有者', key: 'owner', kind: 'text', required: true, max: 100 },
  { header: '经营主体', key: 'operator', kind: 'text', max: 100 },
  { header: '管护主体', key: 'custodian', kind: 'text', max: 100 },
  { header: '管护责任人', key: 'custodianPerson', kind: 'text', max: 50 },
  { header: '资产状态', key: 'status', kind: 'enum', of: 'AssetStatus' },
  { header: '确权日期', key: 'rightsConfirmedAt', kind: 'date' },
  { header: '确权文号', key: 'rightsDocumentNo', kind: 'text', max: 60 },
  { header: '移交日期', key: 'handedOverAt', kind: 'date' },
  { header: '移交文号', key: 'handoverDocumentNo', kind: 'text', max: 60 },
  { header: '账面价值(元)', key: 'bookValueYuan', kind: 'money' },
  { header: '数量', key: 'quantity', kind: 'money' },
  { header: '计量单位', key: 'unit', kind: 'text', max: 20 },
  { header: '受益村数', key: 'beneficiaryVillages', kind: 'int' },
  { header: '受益户数', key: 'beneficiaryHouseholds', kind: 'int' },
  { header: '其中脱贫户', key: 'beneficiaryAlleviatedHouseholds', kind: 'int' },
  { header: '其中监测户', key: 'beneficiaryMonitoredHouseholds', kind: 'int' },
  { header: '受益人数', key: 'beneficiaryPeople', kind: 'int' },
  ...FUNDING_COLUMNS,
  { header: '资产原值(元)', key: 'originalValueYuan', kind: 'money' },
];

const MONEY_FORMAT = '"¥"#,##0.00';
/** Columns compared to tell an unchanged row (the funding columns are compared as a set). */
const COMPARED = ASSET_COLUMNS.filter(
  (c) => c.kind !== 'info' && !c.key.startsWith('funding:') && c.key !== 'originalValueYuan',
);

export interface ImportReport {
  dryRun: boolean;
  /** How a CSV file was decoded (`UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030`); null for .xlsx. */
  encoding: TextEncoding | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  ms: number;
}

/** Chinese text of the reasons the ledger import gives beyond the common ones (the console shows them as they are). */
const REASON_TEXT: Record<string, string> = {
  UNKNOWN_VILLAGE: '村代码不存在或不在您的管理范围内',
  UNKNOWN_HOUSEHOLD: '户编号不存在或不在您的管理范围内',
  UNKNOWN_SITE: '安置点不存在',
  UNKNOWN_DEPARTMENT: '行业主管部门不存在',
  NOT_OWN_DEPARTMENT: '只能导入本部门负责的资产',
  DUPLICATE_IN_FILE: '资产编号在文件中重复',
  ASSET_OUT_OF_SCOPE: '该资产编号已存在，但不在您的管理范围内',
  HOUSEHOLD_REQUIRED: '到户类资产须填写农户',
  HOUSEHOLD_NOT_IN_VILLAGE: '农户不属于所填村',
  FUNDING_REQUIRED: '至少填写一项资金来源金额',
  ORIGINAL_VALUE_MISMATCH: '资产原值须等于各资金来源金额合计',
  FEWER_PEOPLE_THAN_HOUSEHOLDS: '受益人数不能少于受益户数',
  OWNERSHIP_LEVEL_MISMATCH: '到户类资产的产权归属须为“农户”',
  OPERATOR_REQUIRED: '已确权的经营性资产须填写经营主体',
  HANDOVER_BEFORE_RIGHTS: '移交须在确权之后',
  BENEFICIARIES_OF_WHICH: '其中脱贫户与监测户之和不能超过受益户数',
  DISPOSAL_REQUIRED: '资产只能经处置审批退出使用，不能直接导入为该状态',
  ASSET_DISPOSED: '已处置的资产不能再修改',
  INVALID_CODE: '资产编号只能由字母、数字和短横线组成（最多40个字符）',
  HISTORY_CLEARED: '已记录的确权、移交或状态变更不能清除',
  STATUS_BY_STEP: '资产状态须通过“状态变更”（附原因）或处置审批修改',
  CLASS_HAS_REVENUE: '已登记收益的资产须保持经营性',
  OUT_OF_SCOPE: '该行写入后不在您的管理范围内（村、农户或安置点须属于您的地区）',
};

const problem = problemMaker(REASON_TEXT);

/** Rows an import would have written outside the importer's scope (the transaction is rolled back). */
class OutsideScope extends Error {
  constructor(readonly codes: string[]) {
    super('outside scope');
  }
}

/** Cells as the database stores them, for comparing with a row's current state. */
type Parsed = Record<string, any> & { fundings: { source: string; amountYuan: string }[] };

/**
 * Imports and exports the asset ledger. An import is checked first (every invalid cell reported
 * with its row, column and reason), then applied all-or-nothing in one transaction: new asset codes
 * are created, changed rows updated, identical rows left alone, so importing a file twice changes
 * nothing the second time. Rows are inserted set-wise (one statement per table).
 */
export class AssetExcelService {
  constructor(
    private readonly db: Database,
    private readonly assets: AssetService,
  ) {}

  async import(file: Buffer, kind: 'xlsx' | 'csv', dryRun: boolean): Promise<ImportReport> {
    const started = Date.now();
    const report: ImportReport = {
      dryRun,
      encoding: null,
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      problems: [],
      ms: 0,
    };
    const done = () => {
      report.problems.sort((a, b) => a.row - b.row);
      report.ms = Date.now() - started;
      return report;
    };
    // The instant the import began, on the database's clock: a stored row created after it was
    // created by someone else during this import, and is never overwritten by it (CONFLICT).
    const [{ t: begun }] = await this.db.query('SELECT clock_timestamp() AS t');
    const importBegan = new Date(begun);
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(file, kind);
    } catch (error) {
      // A zip bomb is refused as a request (400), not reported as a row problem.
      if (error instanceof AppError && error.reason === 'FILE_TOO_LARGE') throw error;
      report.problems.push(problem(1, '', 'UNREADABLE'));
      return done();
    }
    report.encoding = sheet.encoding;
    // The register's one text check (NUL, lone surrogates), before any cell reaches a query.
    report.problems.push(...textProblems(sheet, problem));
    if (report.problems.length) return done();
    const data = sheet.rows.filter((r) => r.cells[sheet.headers.indexOf('资产编号')] !== '合计');
    report.rows = data.length;
    if (data.length > MAX_IMPORT_ROWS) {
      report.problems.push(problem(1, '', 'TOO_MANY_ROWS'));
      return done();
    }
    const index = new Map(sheet.headers.map((h, i) => [h.trim(), i]));
    for (const c of ASSET_COLUMNS)
      if (c.required && !index.has(c.header)) report.problems.push(problem(1, c.header, 'MISSING_COLUMN'));
    if (report.problems.length) return done();
    let fresh: { n: number; row: Parsed }[] = [];
    try {
      // One import at a time (an advisory lock held by the transaction): a second import of the same
      // file, from another clerk or another instance, waits, then finds the rows as the first left them.
      await this.db.transaction(async (m) => {
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('importAssets'))`);
        const plan = await this.plan(data, index, report.problems);
        if (report.problems.length) throw new RowsRefused();
        fresh = plan.filter((p) => !p.before);
        const changed = plan.filter((p) => p.before && !this.same(p.row, p.before));
        // Decided against what is committed now, under the lock: a row that did not exist when the
        // import began (another user's createAsset meanwhile) is not this file's to update.
        const late = changed.filter((p) => new Date(p.before.row.createdAt) >= importBegan);
        if (late.length) throw this.createdMeanwhile(late);
        report.created = fresh.length;
        report.updated = changed.length;
        report.unchanged = plan.length - fresh.length - changed.length;
        if (fresh.length || changed.length) await this.apply(m, fresh, changed);
        // A dry run writes too, inside the transaction it then rolls back, so it finds what the import would.
        if (dryRun) throw new DryRunDone();
      });
    } catch (error) {
      if (error instanceof DryRunDone || error instanceof RowsRefused) return done();
      if (error instanceof OutsideScope) {
        for (const p of data.filter((x) => error.codes.includes(x.cells[index.get('资产编号')!]?.trim())))
          report.problems.push(problem(p.n, '资产编号', 'OUT_OF_SCOPE'));
        report.created = report.updated = report.unchanged = 0;
        return done();
      }
      // Another writer (the API) created one of the new codes meanwhile: nothing was written.
      if (isUniqueViolation(error)) throw this.createdMeanwhile(await this.codesTaken(fresh));
      throw error;
    }
    return done();
  }

  /** The new asset codes of this import that another writer has created meanwhile. */
  private async codesTaken(fresh: { n: number; row: Parsed }[]): Promise<{ n: number; row: Parsed }[]> {
    const codes = fresh.map((f) => f.row.assetCode);
    const taken = new Set(
      (await this.db.query('SELECT asset_code FROM asset WHERE asset_code = ANY($1::text[])', [codes])).map(
        (r: any) => r.asset_code,
      ),
    );
    return fresh.filter((f) => taken.has(f.row.assetCode));
  }

  /** CONFLICT/DUPLICATE listing the asset codes another writer created while this import ran. */
  private createdMeanwhile(rows: { n: number; row: Parsed }[]): AppError {
    return new AppError(
      'CONFLICT',
      'DUPLICATE',
      `asset codes created by someone else while this file was imported (nothing was imported; import the file again): ${rows.map((r) => r.row.assetCode).join(', ')}`,
      rows.map((r) => ({
        field: `row.${r.n}.资产编号`,
        reason: 'DUPLICATE',
        message: r.row.assetCode,
      })),
    );
  }

  /** Parses and checks every row against the stored assets (read inside the import's transaction). */
  private async plan(
    data: { n: number; cells: string[] }[],
    index: Map<string, number>,
    problems: ImportProblem[],
  ): Promise<{ n: number; row: Parsed; before: any | null }[]> {
    const lookups = await this.lookups(
      data.map((r) => r.cells),
      index,
    );
    const parsed: { n: number; row: Parsed }[] = [];
    const seen = new Map<string, number>();
    for (const { n, cells } of data) {
      const row = this.parseRow(n, cells, index, lookups, problems);
      if (!row) continue;
      if (seen.has(row.assetCode)) problems.push(problem(n, '资产编号', 'DUPLICATE_IN_FILE'));
      seen.set(row.assetCode, n);
      parsed.push({ n, row });
    }
    // Existing rows: compare, and check they may be changed by this user.
    const existing = await this.existing([...seen.keys()]);
    const plan: { n: number; row: Parsed; before: any | null }[] = [];
    const actor = currentActor();
    const personal = personalFieldsOf(Asset);
    for (const { n, row } of parsed) {
      const before = existing.get(row.assetCode) ?? null;
      // A personal value as this caller's export shows it (`马*`) stands for the stored one: a
      // department officer's export imported back changes no owner.
      if (before)
        for (const [key, field] of personal) {
          const stored = before.row[key];
          const cell = (row as Record<string, unknown>)[key];
          if (
            stored !== null &&
            stored !== undefined &&
            cell !== stored &&
            cell === shownValue(field, stored, before.row, actor)
          )
            (row as Record<string, unknown>)[key] = stored;
        }
      // A row identical to the stored one is left alone, whatever its state (a disposed asset too).
      if (before && this.same(row, before)) {
        plan.push({ n, row, before });
        continue;
      }
      if (before && !before.writable) {
        problems.push(problem(n, '资产编号', 'ASSET_OUT_OF_SCOPE'));
        continue;
      }
      const errors = new FieldErrors();
      const asAsset = Object.assign(new Asset(), row);
      this.assets.ledgerRules(asAsset, before ? Object.assign(new Asset(), before.row) : null, errors);
      for (const e of errors.list)
        problems.push(problem(n, this.header(e.field.replace(/^input\./, '')), e.reason));
      plan.push({ n, row, before });
    }
    return plan;
  }

  private header(key: string): string {
    return ASSET_COLUMNS.find((c) => c.key === key)?.header ?? key;
  }

  /** Villages, households, sites and departments the file names, resolved once (villages and households within scope). */
  private async lookups(rows: string[][], index: Map<string, number>) {
    const col = (h: string) => [...new Set(rows.map((r) => r[index.get(h) ?? -1]?.trim()).filter(Boolean))];
    const vp = new SqlParams();
    const vScope = writeScope('village', 't', vp);
    const villages = new Map<string, number>(
      (
        await this.db.query(
          `SELECT t.id, t.code FROM village t WHERE t.code = ANY(${vp.add(col('所在村代码'))}::text[])${vScope ? ` AND ${vScope}` : ''}`,
          vp.values,
        )
      ).map((r: any) => [r.code, r.id]),
    );
    const hp = new SqlParams();
    const hScope = writeScope('household', 't', hp);
    const households = new Map<string, { id: number; villageId: number }>(
      (
        await this.db.query(
          `SELECT t.id, t.household_number, t.village_id FROM household t WHERE t.household_number = ANY(${hp.add(col('到户农户编号'))}::text[])${hScope ? ` AND ${hScope}` : ''}`,
          hp.values,
        )
      ).map((r: any) => [r.household_number, { id: r.id, villageId: r.village_id }]),
    );
    const sites = new Map<string, number>(
      (await this.db.query('SELECT id, name FROM relocation_site')).map((r: any) => [r.name, r.id]),
    );
    const departments = new Map<string, number>();
    for (const r of await this.db.query('SELECT id, code, name FROM department')) {
      departments.set(r.name, r.id);
      departments.set(r.code, r.id);
    }
    return { villages, households, sites, departments };
  }

  private parseRow(
    n: number,
    cells: string[],
    index: Map<string, number>,
    lookups: Awaited<ReturnType<AssetExcelService['lookups']>>,
    problems: ImportProblem[],
  ): Parsed | null {
    const row: Parsed = { fundings: [] };
    const before = problems.length;
    const actor = currentActor();
    for (const c of ASSET_COLUMNS) {
      if (c.kind === 'info') continue;
      const cell = (index.has(c.header) ? cells[index.get(c.header)!] : '') ?? '';
      // Texts are kept as written (surrounding spaces included); codes, numbers and dates are trimmed.
      const raw = c.kind === 'text' && c.key !== 'assetCode' ? (cell.trim() ? cell : '') : cell.trim();
      const bad = (reason: string) => problems.push(problem(n, c.header, reason));
      if (!raw) {
        if (c.required) bad('REQUIRED');
        if (!c.key.startsWith('funding:')) row[c.key] = null;
        continue;
      }
      switch (c.kind) {
        case 'text':
          if (c.max && raw.length > c.max) bad('TOO_LONG');
          else if (c.key === 'assetCode' && !/^[0-9A-Za-z-]{1,40}$/.test(raw)) bad('INVALID_CODE');
          row[c.key] = raw;
          break;
        case 'int':
          if (!/^\d{1,9}$/.test(raw)) bad('INVALID_INT');
          else if (c.key === 'projectYear' && (Number(raw) < 2013 || Number(raw) > 2100)) bad('OUT_OF_RANGE');
          row[c.key] = Number(raw);
          break;
        case 'money':
          if (!/^\d{1,12}(\.\d{1,2})?$/.test(raw.replace(/,/g, ''))) bad('INVALID_MONEY');
          else if (c.key.startsWith('funding:')) {
            const amount = new Decimal(raw.replace(/,/g, ''));
            if (!amount.isZero())
              row.fundings.push({ source: c.key.slice(8), amountYuan: amount.toFixed(2) });
          } else row[c.key] = new Decimal(raw.replace(/,/g, '')).toFixed(2);
          break;
        case 'date':
          // A real calendar day (no 2023-02-30) between 1900 and 2100, as the API's Date scalar takes.
          if (!isRegistryDate(raw)) bad('INVALID_DATE');
          // Every date of the ledger records a fact (completion, confirmation, hand-over): checked here
          // too, so a row with another bad cell still reports its future date (every invalid cell).
          else if (raw > today()) bad('FUTURE_DATE');
          row[c.key] = raw;
          break;
        case 'enum': {
          const labels = enumLabels.get(c.of!) ?? {};
          const value =
            labels[raw] !== undefined
              ? raw
              : Object.keys(labels).find((k) => labels[k].replace(/ \(.*\)$/, '') === raw);
          if (!value) bad('INVALID_VALUE');
          row[c.key] = value ?? null;
          break;
        }
        case 'village':
          row[c.key] = lookups.villages.get(raw) ?? null;
          if (row[c.key] === null) bad('UNKNOWN_VILLAGE');
          break;
        case 'household': {
          const h = lookups.households.get(raw);
          if (!h) bad('UNKNOWN_HOUSEHOLD');
          row[c.key] = h?.id ?? null;
          row.householdVillageId = h?.villageId ?? null;
          break;
        }
        case 'site':
          row[c.key] = lookups.sites.get(raw) ?? null;
          if (row[c.key] === null) bad('UNKNOWN_SITE');
          break;
        case 'department':
          row[c.key] = lookups.departments.get(raw) ?? null;
          if (row[c.key] === null) bad('UNKNOWN_DEPARTMENT');
          else if (actor.role === Role.DEPARTMENT_OFFICER && row[c.key] !== actor.departmentId)
            bad('NOT_OWN_DEPARTMENT');
          break;
      }
    }
    row.status ??= AssetStatus.IN_USE;
    for (const k of [
      'beneficiaryVillages',
      'beneficiaryHouseholds',
      'beneficiaryAlleviatedHouseholds',
      'beneficiaryMonitoredHouseholds',
      'beneficiaryPeople',
    ])
      row[k] ??= 0;
    if (!row.fundings.length) problems.push(problem(n, FUNDING_COLUMNS[0].header, 'FUNDING_REQUIRED'));
    const total = row.fundings.reduce((s, f) => s.plus(f.amountYuan), new Decimal(0));
    if (
      row.originalValueYuan !== null &&
      row.originalValueYuan !== undefined &&
      !total.equals(row.originalValueYuan)
    )
      problems.push(problem(n, '资产原值(元)', 'ORIGINAL_VALUE_MISMATCH'));
    if (total.greaterThan('999999999999.99')) problems.push(problem(n, '资产原值(元)', 'OUT_OF_RANGE'));
    row.originalValueYuan = total.toFixed(2);
    if (row.assetClass === AssetClass.HOUSEHOLD && !row.householdId)
      problems.push(problem(n, '到户农户编号', 'HOUSEHOLD_REQUIRED'));
    if (row.householdId) {
      if (row.villageId === null) row.villageId = row.householdVillageId;
      else if (row.villageId !== row.householdVillageId)
        problems.push(problem(n, '到户农户编号', 'HOUSEHOLD_NOT_IN_VILLAGE'));
    }
    delete row.householdVillageId;
    if (row.beneficiaryPeople < row.beneficiaryHouseholds)
      problems.push(problem(n, '受益人数', 'FEWER_PEOPLE_THAN_HOUSEHOLDS'));
    return problems.length === before ? row : null;
  }

  /** Assets with these codes, their fundings, and whether the current user may change them. */
  private async existing(
    codes: string[],
  ): Promise<Map<string, { id: number; row: any; fundings: string; writable: boolean }>> {
    if (!codes.length) return new Map();
    const p = new SqlParams();
    const scope = writeScope('asset', 't', p);
    const rows = await this.db.query(
      `SELECT t.*, ${scope ?? 'TRUE'} AS writable,
              (SELECT string_agg(f.source || ':' || f.amount_yuan::text, ',' ORDER BY f.source::text) FROM asset_funding f WHERE f.asset_id = t.id) AS fundings
         FROM asset t WHERE t.asset_code = ANY(${p.add(codes)}::text[])`,
      p.values,
    );
    const meta = this.db.dataSource.getMetadata(Asset);
    return new Map(
      rows.map((r: any) => [
        r.asset_code,
        { id: r.id, row: hydrate(meta, r), fundings: r.fundings ?? '', writable: r.writable },
      ]),
    );
  }

  private same(row: Parsed, before: { row: any; fundings: string }): boolean {
    const norm = (v: any) => (v === null || v === undefined ? '' : String(v));
    const fundings = [...row.fundings]
      .sort((a, b) => (a.source < b.source ? -1 : 1))
      .map((f) => `${f.source}:${f.amountYuan}`)
      .join(',');
    return (
      fundings === before.fundings && COMPARED.every((c) => norm(row[c.key]) === norm(before.row[c.key]))
    );
  }

  /**
   * Writes the import inside its transaction `m`, set-wise: one INSERT for the new assets, one
   * `UPDATE … FROM unnest(…)` for the changed ones (issue #12, fault 8), their fundings replaced
   * and one audit event per asset, then the scope check of every written row.
   */
  private async apply(
    m: EntityManager,
    fresh: { row: Parsed }[],
    changed: { row: Parsed; before: any }[],
  ): Promise<void> {
    const meta = this.db.dataSource.getMetadata(Asset);
    const cols = COMPARED.map((c) => meta.findColumnWithPropertyName(c.key)!).concat(
      meta.findColumnWithPropertyName('originalValueYuan')!,
    );
    const driver = this.db.dataSource.driver;
    const types = cols.map((c) => (c.type === 'enum' ? `"${c.enumName}"` : driver.normalizeType(c)));
    // Every value travels as text[] and is cast on the server (PGlite cannot serialise enum arrays).
    const columnArrays = (rows: { row: Parsed }[]) =>
      cols.map((c) =>
        rows.map((f) =>
          f.row[c.propertyName] === null || f.row[c.propertyName] === undefined
            ? null
            : String(f.row[c.propertyName]),
        ),
      );
    const unnest = (offset: number) => `unnest(${cols.map((_, i) => `$${i + offset}::text[]`).join(', ')}`;
    if (fresh.length) {
      const inserted: { id: number; asset_code: string }[] = await m.query(
        `INSERT INTO asset (${cols.map((c) => `"${c.databaseName}"`).join(', ')})
         SELECT ${cols.map((_, i) => `u.c${i}::${types[i]}`).join(', ')}
           FROM ${unnest(1)}) AS u(${cols.map((_, i) => `c${i}`).join(', ')})
         RETURNING id, asset_code`,
        columnArrays(fresh),
      );
      const ids = new Map(inserted.map((r) => [r.asset_code, r.id]));
      await this.insertFundings(
        m,
        fresh.map((f) => ({ id: ids.get(f.row.assetCode)!, fundings: f.row.fundings })),
      );
      await this.auditRows(
        m,
        fresh.map((f) => ({ id: ids.get(f.row.assetCode)!, before: null, after: f.row })),
      );
    }
    if (changed.length) {
      const ids = changed.map((c) => c.before.id);
      await m.query(
        `UPDATE asset t SET ${cols.map((c, i) => `"${c.databaseName}" = u.c${i}::${types[i]}`).join(', ')},
                version = t.version + 1, updated_at = now()
           FROM ${unnest(2)}, $1::int[]) AS u(${cols.map((_, i) => `c${i}`).join(', ')}, id)
          WHERE t.id = u.id`,
        [ids, ...columnArrays(changed)],
      );
      await m.query('DELETE FROM asset_funding WHERE asset_id = ANY($1::int[])', [ids]);
      await this.insertFundings(
        m,
        changed.map((c) => ({ id: c.before.id, fundings: c.row.fundings })),
      );
      await this.auditRows(
        m,
        changed.map((c) => ({ id: c.before.id, before: c.before.row, after: c.row })),
      );
    }
    // Every written row must lie in the importer's write scope (its area, its department), as
    // createAsset and updateAsset check: otherwise nothing is written.
    const p = new SqlParams();
    const scope = writeScope('asset', 't', p);
    if (scope) {
      const codes = [...fresh, ...changed].map((x) => x.row.assetCode);
      const outside: { asset_code: string }[] = await m.query(
        `SELECT t.asset_code FROM asset t WHERE t.asset_code = ANY(${p.add(codes)}::text[]) AND NOT COALESCE((${scope}), FALSE)`,
        p.values,
      );
      if (outside.length) throw new OutsideScope(outside.map((o) => o.asset_code));
    }
    await appendAudit(m, {
      operation: 'importAssets',
      entity: 'Asset',
      after: { created: fresh.length, updated: changed.length },
    });
  }

  private async insertFundings(
    m: any,
    rows: { id: number; fundings: { source: string; amountYuan: string }[] }[],
  ) {
    const flat = rows.flatMap((r) => r.fundings.map((f) => [r.id, f.source, f.amountYuan]));
    if (!flat.length) return;
    await m.query(
      `INSERT INTO asset_funding (asset_id, source, amount_yuan)
       SELECT u.a::int, u.s::funding_source, u.v::numeric FROM unnest($1::text[], $2::text[], $3::text[]) AS u(a, s, v)`,
      [flat.map((f) => String(f[0])), flat.map((f) => f[1]), flat.map((f) => f[2])],
    );
  }

  /** One audit event per imported asset, set-wise. */
  private async auditRows(m: any, rows: { id: number; before: object | null; after: object }[]) {
    const actor = currentActor();
    await m.query(
      `INSERT INTO audit_event (actor_kind, actor_id, actor_name, role, operation, entity, entity_id, before, after, request_id, client_address)
       SELECT $1, $2, $3, $4, 'importAssets', 'Asset', u.id, u.b::jsonb, u.a::jsonb, $5, $6
         FROM unnest($7::text[], $8::text[], $9::text[]) AS u(id, b, a)`,
      [
        actor.kind,
        actor.id,
        actor.name,
        actor.role,
        actor.requestId,
        actor.clientAddress,
        rows.map((r) => String(r.id)),
        rows.map((r) => (r.before ? JSON.stringify(redact('Asset', r.before)) : null)),
        rows.map((r) => JSON.stringify(redact('Asset', r.after))),
      ],
    );
  }

  /**
   * The assets a filter selects (within scope) as an .xlsx workbook in the import format: Chinese
   * headers, money as ¥ with two decimals, a totals row. Audited as an export. The rows are counted
   * first: more than `maxRows` (EXPORT_MAX_ROWS) is refused with BAD_USER_INPUT TOO_MANY_ROWS before
   * anything is read. The workbook is streamed to `out` row by row (exceljs's streaming writer, never
   * built in memory), and the work stops as soon as `signal` aborts (the client went away).
   */
  async export(
    filter: Record<string, any> | null,
    out: NodeJS.WritableStream,
    options: { maxRows: number; signal?: AbortSignal; beforeWrite?: () => void },
  ): Promise<{ rows: number; completed: boolean }> {
    const meta = this.db.dataSource.getMetadata(Asset);
    const params = new SqlParams();
    const actor = currentActor();
    const own =
      actor.role === Role.DEPARTMENT_OFFICER && actor.departmentId !== null
        ? `t.responsible_department_id = ${params.add(actor.departmentId)}`
        : null;
    const where = [own, scopedFilterToSql(meta, 't', filter, params)].filter(Boolean).join(' AND ');
    const [{ n: count }] = await this.db.query(
      `SELECT count(*)::int AS n FROM asset t WHERE ${where || 'TRUE'}`,
      params.values,
    );
    if (count > options.maxRows)
      throw new AppError(
        'BAD_USER_INPUT',
        'TOO_MANY_ROWS',
        `the filter selects ${count} assets: at most ${options.maxRows} per export, narrow the filter (a township, a village, a project year)`,
        [{ field: 'filter', reason: 'TOO_MANY_ROWS', message: `${count} > ${options.maxRows}` }],
      );
    if (options.signal?.aborted) return { rows: 0, completed: false };
    const rows = await this.db.query(
      `SELECT t.*, v.code AS village_code, v.name AS village_name, h.household_number, s.name AS site_name, d.name AS department_name,
              (SELECT json_object_agg(f.source, f.amount_yuan::text) FROM asset_funding f WHERE f.asset_id = t.id) AS fundings
         FROM asset t LEFT JOIN village v ON v.id = t.village_id LEFT JOIN household h ON h.id = t.household_id
         LEFT JOIN relocation_site s ON s.id = t.relocation_site_id JOIN department d ON d.id = t.responsible_department_id
        WHERE ${where || 'TRUE'} ORDER BY t.asset_code LIMIT ${params.add(options.maxRows)}`,
      params.values,
    );
    if (options.signal?.aborted) return { rows: 0, completed: false };
    await appendAudit(this.db, {
      operation: 'export',
      entity: 'Asset',
      after: { rows: rows.length, filter: redactFilter(meta, filter) },
    });
    options.beforeWrite?.();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as any, useStyles: true });
    const sheet = book.addWorksheet('资产台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = ASSET_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.kind === 'money' ? 16 : c.key === 'name' || c.key === 'projectName' ? 28 : 14,
      style: c.kind === 'money' && c.key !== 'quantity' ? { numFmt: MONEY_FORMAT } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const personal = personalFieldsOf(Asset);
    let written = 0;
    for (const r of rows) {
      // The client went away: stop reading and writing (nothing more is sent).
      if (options.signal?.aborted) return { rows: written, completed: false };
      const line: Record<string, unknown> = {};
      const asset = hydrate<Asset>(meta, r);
      for (const c of ASSET_COLUMNS) {
        const col = meta.findColumnWithPropertyName(c.key);
        const v = col ? r[col.databaseName] : null;
        switch (c.kind) {
          case 'enum':
            line[c.key] = v ? (enumLabels.get(c.of!)?.[v] ?? v).replace(/ \(.*\)$/, '') : null;
            break;
          case 'money':
            line[c.key] = c.key.startsWith('funding:')
              ? Number(r.fundings?.[c.key.slice(8)] ?? 0)
              : v === null
                ? null
                : Number(v);
            break;
          case 'village':
            line[c.key] = r.village_code;
            break;
          case 'info':
            line[c.key] = r.village_name;
            break;
          case 'household':
            line[c.key] = r.household_number;
            break;
          case 'site':
            line[c.key] = r.site_name;
            break;
          case 'department':
            line[c.key] = r.department_name;
            break;
          default: {
            // Personal fields as the caller may read them in the API (owners of household assets masked).
            const field = personal.get(c.key);
            line[c.key] = field ? shownValue(field, v, asset, actor) : v;
          }
        }
      }
      sheet.addRow(line).commit();
      // Let the socket drain between batches (and an abort be noticed).
      if (++written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const totals: Record<string, unknown> = { assetCode: '合计', name: `${rows.length} 项` };
    for (const c of ASSET_COLUMNS.filter((x) => x.kind === 'money' && x.key !== 'quantity')) {
      const letter = sheet.getColumn(c.key).letter;
      totals[c.key] = rows.length ? { formula: `SUM(${letter}2:${letter}${rows.length + 1})`, result: 0 } : 0;
    }
    const total = sheet.addRow(totals);
    total.font = { bold: true };
    total.commit();
    sheet.commit();
    await book.commit();
    return { rows: rows.length, completed: true };
  }
}
