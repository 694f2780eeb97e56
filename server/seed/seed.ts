import { seedSectorFields } from '../modules/exchange/demo-sector-fields';
import { encrypt, lookupHash } from '../auth/personal-data';
import cliProgress from 'cli-progress';
import type { EntityManager } from 'typeorm';
import { logger } from '../common/logger';
import type { Database } from '../database/database';
import {
  AS_OF,
  AssetRow,
  DemoContext,
  DemoVillage,
  generateAsset,
  generateHousehold,
  HouseholdRow,
  planRelocation,
} from './demo';
import { IdNumberFactory, Random } from './random';
import { seedReference } from './reference';
import { latestRun, SeedRunRow } from './demo-status';
import { seedDemoReports } from '../modules/progress-report/progress-report.demo';
import { seedIndicatorDemo } from './indicator-demo';

export interface DemoOptions {
  /** Households to generate. */
  households: number;
  /** Seed number: the same number gives the same population. */
  seed: number;
  /** Households per transaction (default 1000): a failed batch leaves none of its rows. */
  batchSize?: number;
  /** Show a progress bar (TTY) or progress log lines. Default true. */
  progress?: boolean;
  /** Called after each batch is stored (committed) with the households stored so far. */
  onBatch?: (stored: number) => void | Promise<void>;
}

export interface DemoResult {
  /** True when an interrupted seed was finished. */
  resumed: boolean;
  /** Demo progress reports made for last month (0 when they were there already). */
  progressReports: number;
  households: number;
  members: number;
  measures: number;
  assets: number;
  ms: number;
}

/** `INSERT … SELECT * FROM unnest($1::type[], …)`: one statement and one parameter per column, any row count. */
/** Book value: straight-line depreciation of 5 % a year since the project year, whole yuan (no draw). */
function bookValue(a: { projectYear: number; fundings: { amountYuan: string }[] }): string {
  const original = a.fundings.reduce((s, f) => s + Number(f.amountYuan), 0);
  const kept = Math.max(0.2, 1 - 0.05 * Math.max(0, Number(AS_OF.slice(0, 4)) - a.projectYear));
  return Math.round(original * kept).toFixed(2);
}

async function bulkInsert(
  m: EntityManager,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
  returning?: string,
): Promise<any[]> {
  if (!rows.length) return [];
  const params = columns.map((_, i) => rows.map((row) => row[i]));
  // Every column travels as text[] and is cast on the server: PGlite cannot serialise enum arrays.
  const sql =
    `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')}) ` +
    `SELECT ${columns.map(([, t], i) => `u.c${i}::${t}`).join(', ')} ` +
    `FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})` +
    (returning ? ` RETURNING ${returning}` : '');
  return m.query(sql, params);
}

async function loadContext(db: Database): Promise<DemoContext> {
  const villages: DemoVillage[] = await db.query(
    `SELECT id, code FROM village WHERE committee_type = 'VILLAGE' ORDER BY code`,
  );
  const sites = await db.query('SELECT id FROM relocation_site ORDER BY id');
  const depts = await db.query('SELECT id, code FROM department');
  if (!villages.length || sites.length < 2)
    throw new Error('reference data missing: run the reference seed first');
  return {
    villages,
    siteIds: sites.map((s) => s.id),
    dept: Object.fromEntries(depts.map((d) => [d.code, d.id])),
  };
}

async function insertBatch(
  m: EntityManager,
  households: HouseholdRow[],
  assets: AssetRow[],
): Promise<[number, number]> {
  const inserted = await bulkInsert(
    m,
    'household',
    [
      ['household_number', 'varchar'],
      ['village_id', 'int'],
      ['natural_village', 'varchar'],
      ['household_type', 'household_type'],
      ['has_subsistence_allowance', 'bool'],
      ['has_extreme_poverty_support', 'bool'],
      ['relocation_site_id', 'int'],
      ['moved_in_at', 'date'],
      ['origin_village_id', 'int'],
      ['housing_safety', 'housing_safety'],
      ['drinking_water_safe', 'bool'],
      ['cadre_name', 'varchar'],
      ['cadre_unit', 'varchar'],
      ['address', 'varchar'],
      ['phone_encrypted', 'text'],
    ],
    households.map((h) => [
      h.householdNumber,
      h.villageId,
      h.naturalVillage,
      h.householdType,
      h.hasSubsistenceAllowance,
      h.hasExtremePovertySupport,
      h.relocationSiteId,
      h.movedInAt,
      h.originVillageId,
      h.housingSafety,
      h.drinkingWaterSafe,
      h.cadreName,
      h.cadreUnit,
      // Synthetic contact data, derived from the household number (no draw, so the population stays the same).
      `${h.naturalVillage}${Number(h.householdNumber.slice(-3))}号`,
      encrypt(`1390943${h.householdNumber.slice(-4)}`),
    ]),
    'id, household_number',
  );
  const householdId = new Map(inserted.map((row) => [row.household_number, row.id]));
  const memberRows = households.flatMap((h) =>
    h.members.map((x) => [
      householdId.get(h.householdNumber),
      x.name,
      encrypt(x.idNumber),
      lookupHash(x.idNumber),
      x.gender,
      x.birthDate,
      x.birthDate.slice(0, 7),
      x.relationToHead,
      x.educationLevel,
      x.schoolStatus,
      x.healthStatus,
      x.disabilityGrade,
      x.laborCapacity,
      x.workLocation,
      x.workMonths,
      x.medicalInsured,
      x.seriousIllnessInsured,
      x.pensionInsured,
    ]),
  );
  const members = await bulkInsert(
    m,
    'household_member',
    [
      ['household_id', 'int'],
      ['name', 'varchar'],
      ['id_number_encrypted', 'text'],
      ['id_number_hash', 'bpchar'],
      ['gender', 'gender'],
      ['birth_date', 'date'],
      ['birth_month', 'bpchar'],
      ['relation_to_head', 'relation_to_head'],
      ['education_level', 'education_level'],
      ['school_status', 'school_status'],
      ['health_status', 'health_status'],
      ['disability_grade', 'smallint'],
      ['labor_capacity', 'labor_capacity'],
      ['work_location', 'work_location'],
      ['work_months', 'smallint'],
      ['medical_insured', 'bool'],
      ['serious_illness_insured', 'bool'],
      ['pension_insured', 'bool'],
    ],
    memberRows,
    'id, id_number_hash',
  );
  const memberId = new Map(members.map((row) => [row.id_number_hash, row.id]));
  const measureRows = households.flatMap((h) =>
    h.measures.map((x) => [
      householdId.get(h.householdNumber),
      x.type,
      x.description,
      x.departmentId,
      x.memberIndex === null ? null : memberId.get(lookupHash(h.members[x.memberIndex].idNumber)),
      x.amountYuan,
      x.fundingSource,
      x.startDate,
      x.endDate,
      x.status,
    ]),
  );
  await bulkInsert(
    m,
    'assistance_measure',
    [
      ['household_id', 'int'],
      ['type', 'measure_type'],
      ['description', 'varchar'],
      ['responsible_department_id', 'int'],
      ['beneficiary_member_id', 'int'],
      ['amount_yuan', 'numeric'],
      ['funding_source', 'funding_source'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['status', 'measure_status'],
    ],
    measureRows,
  );
  const insertedAssets = await bulkInsert(
    m,
    'asset',
    [
      ['asset_code', 'varchar'],
      ['name', 'varchar'],
      ['asset_class', 'asset_class'],
      ['category', 'asset_category'],
      ['project_name', 'varchar'],
      ['project_year', 'smallint'],
      ['completed_at', 'date'],
      ['village_id', 'int'],
      ['household_id', 'int'],
      ['original_value_yuan', 'numeric'],
      ['quantity', 'numeric'],
      ['unit', 'varchar'],
      ['ownership_level', 'ownership_level'],
      ['owner', 'varchar'],
      ['operator', 'varchar'],
      ['custodian', 'varchar'],
      ['custodian_person', 'varchar'],
      ['responsible_department_id', 'int'],
      ['rights_confirmed_at', 'date'],
      ['handed_over_at', 'date'],
      ['beneficiary_households', 'int'],
      ['beneficiary_people', 'int'],
      ['beneficiary_villages', 'int'],
      ['beneficiary_alleviated_households', 'int'],
      ['book_value_yuan', 'numeric'],
    ],
    assets.map((a) => [
      a.assetCode,
      a.name,
      a.assetClass,
      a.category,
      a.projectName,
      a.projectYear,
      a.completedAt,
      a.villageId,
      a.householdIndex === null ? null : householdId.get(households[a.householdIndex].householdNumber),
      a.fundings.reduce((s, f) => s + Number(f.amountYuan), 0).toFixed(2), // whole yuan amounts: exact in a double
      a.quantity,
      a.unit,
      a.ownershipLevel,
      a.owner,
      a.operator,
      a.custodian,
      a.custodianPerson,
      a.departmentId,
      a.rightsConfirmedAt,
      a.handedOverAt,
      a.beneficiaryHouseholds,
      a.beneficiaryPeople,
      a.beneficiaryVillages,
      a.beneficiaryAlleviatedHouseholds,
      bookValue(a),
    ]),
    'id, asset_code',
  );
  const assetId = new Map(insertedAssets.map((row) => [row.asset_code, row.id]));
  await bulkInsert(
    m,
    'asset_funding',
    [
      ['asset_id', 'int'],
      ['source', 'funding_source'],
      ['amount_yuan', 'numeric'],
    ],
    assets.flatMap((a) => a.fundings.map((f) => [assetId.get(a.assetCode), f.source, f.amountYuan])),
  );
  return [memberRows.length, measureRows.length];
}

/**
 * Demo monitoring data, set-based and deterministic (hashes of household numbers): monitoring lines
 * 2021–2026 (demo values, not official figures: set the real ones through the API), every
 * household's income for the year before AS_OF, and about 3 % of households with a monitoring case,
 * spread over every step (clue, verified, publicized, approved, eliminated, rejected) with its
 * verification visit.
 */
async function seedMonitoring(m: EntityManager): Promise<void> {
  const year = Number(AS_OF.slice(0, 4)) - 1;
  await m.query(
    `INSERT INTO monitoring_threshold (year, amount_yuan)
     SELECT y, 6000 + (y - 2021) * 300 FROM generate_series(2021, 2026) y ON CONFLICT DO NOTHING`,
  );
  await m.query(
    `INSERT INTO household_income (household_id, year, people, wage_income_yuan, production_income_yuan, property_income_yuan,
            transfer_income_yuan, production_costs_yuan, compliant_spending_yuan, net_income_yuan, per_capita_net_income_yuan)
     SELECT id, $1, people, wage, prod, prop, transfer, costs, spend,
            wage + prod + prop + transfer - costs - spend, round((wage + prod + prop + transfer - costs - spend) / people, 2)
       FROM (SELECT h.id, greatest(count(x.id), 1) AS people,
                    ((8000 + abs(hashtext(h.household_number || 'w')) % 16000) * count(x.id) FILTER (WHERE x.work_location <> 'NONE'))::numeric(14,2) AS wage,
                    (3000 + abs(hashtext(h.household_number || 'p')) % 15000)::numeric(14,2) AS prod,
                    (abs(hashtext(h.household_number || 'r')) % 800)::numeric(14,2) AS prop,
                    (CASE WHEN h.household_type = 'ALLEVIATED' THEN 1500 ELSE 300 END + abs(hashtext(h.household_number || 't')) % 3000)::numeric(14,2) AS transfer,
                    (abs(hashtext(h.household_number || 'c')) % 2500)::numeric(14,2) AS costs,
                    (abs(hashtext(h.household_number || 's')) % 1500)::numeric(14,2) AS spend
               FROM household h LEFT JOIN household_member x ON x.household_id = h.id GROUP BY h.id) i
     ON CONFLICT DO NOTHING`,
    [year],
  );
  const cases = await m.query(
    `INSERT INTO monitoring_case (household_id, status, discovery_source, trigger_reasons, category, risk_types, clue_date, clue_by,
            deadline, verified_at, verified_by, publicized_at, publicized_by, approved_at, approved_by, rejected_at, rejected_by,
            rejection_reason, risk_eliminated_at, risk_eliminated_by, elimination_method)
     SELECT h.id, s.status::monitoring_status, (ARRAY['SELF_REPORT','CADRE_VISIT','DEPARTMENT_ALERT'])[1 + k % 3]::discovery_source,
            ARRAY['演示线索'], CASE WHEN s.rank > 1 THEN (ARRAY['UNSTABLE_ALLEVIATED','MARGINAL','SUDDEN_HARDSHIP'])[1 + k % 3]::monitoring_category END,
            CASE WHEN s.rank > 1 THEN ARRAY[CASE WHEN ill THEN 'ILLNESS' WHEN disabled THEN 'DISABILITY' ELSE 'INDUSTRY_FAILURE' END] ELSE '{}' END,
            d, '村干部', d + 15,
            CASE WHEN s.rank > 1 THEN d + 5 END, CASE WHEN s.rank > 1 THEN '乡镇干部' END,
            CASE WHEN s.rank > 2 THEN d + 8 END, CASE WHEN s.rank > 2 THEN '村委会' END,
            CASE WHEN s.rank > 3 THEN d + 14 END, CASE WHEN s.rank > 3 THEN '乡镇审定' END,
            CASE WHEN s.status = 'REJECTED' THEN d + 6 END, CASE WHEN s.status = 'REJECTED' THEN '乡镇审定' END,
            CASE WHEN s.status = 'REJECTED' THEN '核实后收入稳定' END,
            CASE WHEN s.status = 'RISK_ELIMINATED' THEN d + 120 END, CASE WHEN s.status = 'RISK_ELIMINATED' THEN '乡镇审定' END,
            CASE WHEN s.status = 'RISK_ELIMINATED' THEN 'ASSISTED'::elimination_method END
       FROM (SELECT h.id, abs(hashtext(h.household_number || 'case')) AS k,
                    EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.health_status IN ('CHRONIC_ILLNESS', 'SERIOUS_ILLNESS')) AS ill,
                    EXISTS (SELECT 1 FROM household_member x WHERE x.household_id = h.id AND x.health_status = 'DISABLED') AS disabled
               FROM household h) h
       JOIN LATERAL (SELECT (ARRAY['CLUE','VERIFIED','PUBLICIZED','APPROVED','APPROVED','RISK_ELIMINATED','RISK_ELIMINATED','REJECTED'])[1 + h.k / 1000 % 8] AS status) t ON true
       JOIN LATERAL (SELECT t.status, CASE t.status WHEN 'CLUE' THEN 1 WHEN 'VERIFIED' THEN 2 WHEN 'PUBLICIZED' THEN 3 WHEN 'REJECTED' THEN 2 ELSE 4 END AS rank) s ON true
       JOIN LATERAL (SELECT ($1::date - (CASE WHEN t.status IN ('CLUE', 'VERIFIED', 'PUBLICIZED') THEN 5 + h.k % 20 ELSE 60 + h.k % 300 END))::date AS d) dd ON true
      WHERE h.k % 1000 < 30 AND NOT EXISTS (SELECT 1 FROM monitoring_case c WHERE c.household_id = h.id)
     RETURNING id, verified_at, verified_by`,
    [AS_OF],
  );
  const visits = cases.filter((c: any) => c.verified_at);
  if (visits.length) {
    await m.query(
      `INSERT INTO monitoring_visit (household_id, monitoring_case_id, visit_date, visitor, findings, guarantees_checked)
       SELECT c.household_id, v.* FROM unnest($1::int[], $2::date[], $3::text[], $4::text[], $5::bool[])
         AS v(case_id, visit_date, visitor, findings, checked) JOIN monitoring_case c ON c.id = v.case_id`,
      [
        visits.map((c: any) => c.id),
        visits.map((c: any) => c.verified_at),
        visits.map((c: any) => c.verified_by),
        visits.map(() => '入户核实：收支及两不愁三保障情况'),
        visits.map(() => true),
      ],
    );
  }
}

/**
 * Generates and stores the demo population in batches (one transaction each), with progress output.
 * Also gives every village committee collective-income rows for 2021–2025 and marks some as
 * alleviated / key villages (demo flags, not official lists).
 */
export async function seedDemo(db: Database, options: DemoOptions): Promise<DemoResult> {
  const batchSize = options.batchSize ?? 1000;
  const [run] = await db.query<SeedRunRow>(
    'INSERT INTO demo_seed_run (households, seed, batch_size) VALUES ($1, $2, $3) RETURNING *',
    [options.households, options.seed, batchSize],
  );
  return generateDemo(db, options, run);
}

/**
 * Generates the population of `run` from its seed, storing the batches not yet stored: the
 * generator replays the stored ones (same draws, same numbers) without writing them, so a resumed
 * seed ends with exactly the population of an uninterrupted one. Each batch commits with its count.
 */
async function generateDemo(db: Database, options: DemoOptions, run: SeedRunRow): Promise<DemoResult> {
  const started = Date.now();
  const r = new Random(run.seed);
  const ids = new IdNumberFactory(r);
  const ctx = await loadContext(db);
  const batchSize = run.batch_size;
  const total = run.households;
  await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO village_collective_income (village_id, year, amount_yuan)
       SELECT v.id, y, (50000 + (abs(hashtext(v.code || y::text)) % 250000))::numeric(14,2)
         FROM village v CROSS JOIN generate_series(2021, 2025) y WHERE v.committee_type = 'VILLAGE'
       ON CONFLICT DO NOTHING`,
    );
    await m.query(
      `UPDATE village SET is_alleviated_village = true, is_key_village = (abs(hashtext(code)) % 3 = 0)
        WHERE committee_type = 'VILLAGE' AND abs(hashtext(code || 'alleviated')) % 4 = 0 AND NOT is_alleviated_village`,
    );
  });
  const plan = planRelocation(r, total);
  const counters = new Map<number, number>();
  const number = (v: DemoVillage) => {
    const n = (counters.get(v.id) ?? 0) + 1;
    counters.set(v.id, n);
    return `${v.code}${String(n).padStart(5, '0')}`;
  };
  const show = options.progress ?? true;
  const bar =
    show && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: '演示数据 demo data [{bar}] {value}/{total} households | {eta}s left' },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(total, 0);
  let members = 0;
  let measures = 0;
  let assets = 0;
  let lastLogged = 0;
  for (let start = 0, batch = 0; start < total; start += batchSize, batch++) {
    const households: HouseholdRow[] = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const relocation =
        i < plan.relocated ? { siteId: ctx.siteIds[r.chance(0.55) ? 0 : 1], size: plan.sizes[i] } : null;
      households.push(generateHousehold(r, ids, ctx, number, relocation));
    }
    const batchAssets = Array.from({ length: Math.round(households.length / 10) }, () =>
      generateAsset(r, ctx, ++assets, households),
    );
    const done = start + households.length;
    if (batch < run.batches_done) {
      // Stored before the interruption: replayed for the generator's state only.
      members += households.reduce((s, h) => s + h.members.length, 0);
      measures += households.reduce((s, h) => s + h.measures.length, 0);
      continue;
    }
    const [m, x] = await db.transaction(async (tx) => {
      const counts = await insertBatch(tx, households, batchAssets);
      await tx.query('UPDATE demo_seed_run SET batches_done = $2 WHERE id = $1', [run.id, batch + 1]);
      return counts;
    });
    members += m;
    measures += x;
    await options.onBatch?.(done);
    bar?.update(done);
    if (show && !bar && (done - lastLogged >= total / 10 || done === total)) {
      lastLogged = done;
      logger.info({ done, total }, 'demo households');
    }
  }
  bar?.stop();
  await db.transaction(async (m) => {
    await seedMonitoring(m);
    await seedSectorFields(m);
    await m.query('UPDATE demo_seed_run SET completed_at = now() WHERE id = $1', [run.id]);
  });
  // Both idempotent (ON CONFLICT DO NOTHING, snapshots and reports made once).
  await seedIndicatorDemo(db);
  const progressReports = await seedDemoReports(db);
  return {
    resumed: run.batches_done > 0,
    progressReports,
    households: total,
    members,
    measures,
    assets,
    ms: Date.now() - started,
  };
}

/**
 * First-start seeding: the reference data always (idempotent); the demo population when the
 * database has no household yet, or the rest of it when a recorded demo seed was interrupted (with
 * the recorded households, seed and batch size, whatever `options` asks: the population stays the
 * one that was started). `households: 0` generates nothing, not even the rest.
 */
export async function seedIfEmpty(db: Database, options: DemoOptions): Promise<DemoResult | null> {
  const reference = await seedReference(db);
  if (Object.values(reference).some((n) => n > 0)) logger.info(reference, 'reference data loaded');
  const run = await latestRun(db);
  if (run?.completed_at) return null;
  if (run) {
    if (options.households === 0) return null;
    logger.warn(
      { households: run.households, seed: run.seed, stored: run.batches_done * run.batch_size },
      'finishing an interrupted demo seed',
    );
    const result = await generateDemo(db, options, run);
    logger.info(result, 'demo population ready');
    return result;
  }
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM household');
  if (n > 0 || options.households === 0) return null;
  logger.info({ households: options.households, seed: options.seed }, 'generating demo population');
  const result = await seedDemo(db, options);
  logger.info(result, 'demo population ready');
  return result;
}
