import type { Database } from '../database/database';
import { committeeTypeOf, DISTRICT_CODE, townshipKindOf } from '../common/validation/division-code';
import { readCsv } from './csv';
import { seedPlanTasks } from '../modules/plan-task/plan-task.seed';
import { seedIndicatorCatalogue } from '../modules/indicator/indicator-catalogue';

/** The plan's totals for the two relocation sites (13th Five-Year Plan, work plan §1). */
export const PLAN_RELOCATED_HOUSEHOLDS = 1082;
export const PLAN_RELOCATED_PEOPLE = 3601;

export interface ReferenceCounts {
  townships: number;
  villages: number;
  departments: number;
  relocationSites: number;
  planTasks: number;
  /** Plan indicators of plan-targets.csv (the catalogue). */
  indicators: number;
}

function rows<T>(items: T[], pick: (t: T) => unknown[]): unknown[][] {
  const columns: unknown[][] = [];
  for (const item of items) pick(item).forEach((v, i) => (columns[i] ??= []).push(v));
  return columns;
}

/**
 * Loads the reference data (idempotent: rows are matched on their natural keys and only missing
 * ones are inserted, so a second run changes nothing and edits made through the API are kept): the district's 10 township-level and 99
 * village-level units (exact NBS codes and names), the plan's responsible units (one TOWNSHIP unit
 * per township for "各乡镇党委政府"), the two relocation sites and the plan's indicator catalogue. Returns the rows inserted or updated.
 */
export async function seedReference(db: Database): Promise<ReferenceCounts> {
  const divisions = readCsv('baiyin-divisions.csv');
  const townships = divisions.filter((d) => d.level === 'township');
  const villages = divisions.filter((d) => d.level === 'village');
  const counts = await db.transaction(async (m) => {
    const t = rows(townships, (d) => {
      const kind = townshipKindOf(d.code);
      if ('reason' in kind || d.parent_code !== `${DISTRICT_CODE}000000`)
        throw new Error(`bad township ${d.code}`);
      return [d.code, d.name, kind.kind];
    });
    const insertedTownships = await m.query(
      `INSERT INTO township (code, name, kind) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[]::township_kind[])
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      t,
    );
    const v = rows(villages, (d) => {
      const type = committeeTypeOf(d.code, d.parent_code);
      if ('reason' in type) throw new Error(`bad village ${d.code}: ${type.message}`);
      return [d.code, d.name, d.parent_code, type.committeeType, d.urban_rural_class || null];
    });
    const insertedVillages = await m.query(
      `INSERT INTO village (code, name, township_id, committee_type, urban_rural_class)
       SELECT v.code, v.name, t.id, v.ct, v.urc
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[]::committee_type[], $5::varchar[])
              AS v(code, name, township_code, ct, urc)
         JOIN township t ON t.code = v.township_code ORDER BY v.code
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      v,
    );
    const departments = readCsv('departments.csv').filter((d) => d.kind !== 'TOWNSHIP');
    const d = rows(departments, (x) => [x.code, x.name, x.kind]);
    const insertedDepartments = await m.query(
      `INSERT INTO department (code, name, kind) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::text[]::department_kind[])
       ON CONFLICT DO NOTHING RETURNING id`,
      d,
    );
    const townshipUnits = await m.query(
      `INSERT INTO department (code, name, kind, township_id)
       SELECT 'T' || left(t.code, 9), t.name || CASE WHEN t.kind = 'STREET' THEN '党工委办事处' ELSE '党委政府' END, 'TOWNSHIP', t.id
         FROM township t ORDER BY t.code
       ON CONFLICT DO NOTHING RETURNING id`,
    );
    const planTasks = await seedPlanTasks(m, readCsv('plan-tasks.csv'));
    const sites = readCsv('relocation-sites.csv');
    const s = rows(sites, (x) => [x.name, x.placement]);
    const insertedSites = await m.query(
      `INSERT INTO relocation_site (name, placement) SELECT * FROM unnest($1::varchar[], $2::text[]::placement[])
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      s,
    );
    return {
      townships: insertedTownships.length,
      villages: insertedVillages.length,
      departments: insertedDepartments.length + townshipUnits.length,
      relocationSites: insertedSites.length,
      planTasks,
    };
  });
  return { ...counts, indicators: await seedIndicatorCatalogue(db) };
}
