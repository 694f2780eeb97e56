import { Area, SYSTEM } from '../../auth/actor';
import { readScope } from '../../auth/scope';
import { SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { periodEnd } from './indicator-period';

/** Counts kept per village, from which every computed indicator is a sum over the villages of an area. */
export const COUNT_KEYS = [
  'schoolAge',
  'schoolAgeInSchool',
  'alleviatedMembers',
  'alleviatedInsured',
  'unsafeHouseholds',
  'relocatedHouseholds',
  'relocatedPeople',
  'adminVillage',
  'incomeAtLeast50k',
  'incomeAtLeast500k',
  'alleviatedIncomeCents',
  'alleviatedIncomePeople',
  'alleviatedIncomeCentsBefore',
  'alleviatedIncomePeopleBefore',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export interface VillageCounts {
  villageId: number;
  townshipId: number;
  counts: Record<CountKey, number>;
}

/** Every village's counts in an area for one month, and the data version they were read at. */
export interface Figures {
  period: string;
  /** Ages are counted on this day (the period's last day). */
  asOf: string;
  dataVersion: string;
  villages: VillageCounts[];
}

/**
 * How each computed indicator reads the counts: a RATE is 100·n/d percent, a COUNT is n. Keys of
 * the catalogue not listed here (reported ones, progress_report_day) have no computed value.
 */
export const COMPUTED: Record<string, { kind: 'RATE' | 'COUNT'; n: CountKey; d?: CountKey }> = {
  compulsory_education_retention: { kind: 'RATE', n: 'schoolAgeInSchool', d: 'schoolAge' },
  alleviated_medical_insurance: { kind: 'RATE', n: 'alleviatedInsured', d: 'alleviatedMembers' },
  unsafe_housing_new: { kind: 'COUNT', n: 'unsafeHouseholds' },
  village_collective_income_min: { kind: 'RATE', n: 'incomeAtLeast50k', d: 'adminVillage' },
  village_collective_income_high: { kind: 'RATE', n: 'incomeAtLeast500k', d: 'adminVillage' },
  relocated_households: { kind: 'COUNT', n: 'relocatedHouseholds' },
  relocated_people: { kind: 'COUNT', n: 'relocatedPeople' },
};

/** The area condition of `table` aliased `alias` (scope.ts rules, for an explicit area). */
export function areaCondition(table: string, alias: string, area: Area, params: SqlParams): string {
  return readScope(table, alias, params, { ...SYSTEM, area }) ?? 'TRUE';
}

/** An ID argument as a row id; anything else (text, too large) → -1, which matches no row. */
export function rowId(id: string | number | null | undefined): number {
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 && n <= 2147483647 ? n : -1;
}

/** The data version: the last audit event id (every write to the register appends one in its transaction). */
export async function dataVersion(db: Database): Promise<string> {
  const [row] = await db.query<{ v: string }>('SELECT coalesce(max(id), 0)::text AS v FROM audit_event');
  return row.v;
}

/**
 * Reads the counts of every village in `area` for `period`: four grouped statements (villages
 * with their collective income, households, members, alleviated households' incomes). The area is required, so a township
 * officer's figures are computed over its township only.
 */
export async function readFigures(
  db: Database,
  area: Area,
  period: string,
  version: string,
): Promise<Figures> {
  const asOf = periodEnd(period);
  const incomeYear = Number(period.slice(0, 4)) - 1;
  const pv = new SqlParams();
  const villages = await db.query(
    `SELECT v.id, v.township_id, (v.committee_type = 'VILLAGE')::int AS admin,
            (v.committee_type = 'VILLAGE' AND coalesce(ci.amount_yuan >= 50000, false))::int AS min,
            (v.committee_type = 'VILLAGE' AND coalesce(ci.amount_yuan >= 500000, false))::int AS high
       FROM village v LEFT JOIN village_collective_income ci ON ci.village_id = v.id AND ci.year = ${pv.add(incomeYear)}
      WHERE ${areaCondition('village', 'v', area, pv)} ORDER BY v.id`,
    pv.values,
  );
  const ph = new SqlParams();
  const households = await db.query(
    `SELECT h.village_id, count(*) FILTER (WHERE h.housing_safety IN ('C', 'D'))::int AS unsafe,
            count(*) FILTER (WHERE h.relocation_site_id IS NOT NULL)::int AS relocated
       FROM household h WHERE ${areaCondition('household', 'h', area, ph)} GROUP BY h.village_id`,
    ph.values,
  );
  const pm = new SqlParams();
  const young = pm.add(asOf);
  const members = await db.query(
    `SELECT h.village_id,
            count(*) FILTER (WHERE s.school_age)::int AS school_age,
            count(*) FILTER (WHERE s.school_age AND m.school_status <> 'DROPPED_OUT')::int AS in_school,
            count(*) FILTER (WHERE h.household_type = 'ALLEVIATED')::int AS alleviated,
            count(*) FILTER (WHERE h.household_type = 'ALLEVIATED' AND m.medical_insured)::int AS insured,
            count(*) FILTER (WHERE h.relocation_site_id IS NOT NULL)::int AS relocated
       FROM household_member m JOIN household h ON h.id = m.household_id
       CROSS JOIN LATERAL (SELECT m.birth_date > (${young}::date - interval '16 years')
                              AND m.birth_date <= (${young}::date - interval '6 years') AS school_age) s
      WHERE ${areaCondition('household', 'h', area, pm)} GROUP BY h.village_id`,
    pm.values,
  );
  // Alleviated households' net income (fen) and people, in the last closed year and the one before.
  const pi = new SqlParams();
  const incomes = await db.query(
    `SELECT h.village_id, i.year = ${pi.add(incomeYear)} AS now, (sum(i.net_income_yuan) * 100)::bigint::text AS cents, sum(i.people)::int AS people
       FROM household_income i JOIN household h ON h.id = i.household_id
      WHERE h.household_type = 'ALLEVIATED' AND i.year IN (${pi.add(incomeYear)}, ${pi.add(incomeYear - 1)})
        AND ${areaCondition('household', 'h', area, pi)} GROUP BY 1, 2`,
    pi.values,
  );
  const byVillage = new Map<number, VillageCounts>();
  for (const v of villages) {
    const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Record<CountKey, number>;
    counts.adminVillage = v.admin;
    counts.incomeAtLeast50k = v.min;
    counts.incomeAtLeast500k = v.high;
    byVillage.set(v.id, { villageId: v.id, townshipId: v.township_id, counts });
  }
  for (const h of households) {
    const c = byVillage.get(h.village_id)?.counts;
    if (!c) continue;
    c.unsafeHouseholds = h.unsafe;
    c.relocatedHouseholds = h.relocated;
  }
  for (const m of members) {
    const c = byVillage.get(m.village_id)?.counts;
    if (!c) continue;
    c.schoolAge = m.school_age;
    c.schoolAgeInSchool = m.in_school;
    c.alleviatedMembers = m.alleviated;
    c.alleviatedInsured = m.insured;
    c.relocatedPeople = m.relocated;
  }
  for (const r of incomes) {
    const c = byVillage.get(r.village_id)?.counts;
    if (!c) continue;
    if (r.now) {
      c.alleviatedIncomeCents = Number(r.cents);
      c.alleviatedIncomePeople = r.people;
    } else {
      c.alleviatedIncomeCentsBefore = Number(r.cents);
      c.alleviatedIncomePeopleBefore = r.people;
    }
  }
  return { period, asOf, dataVersion: version, villages: [...byVillage.values()] };
}

/**
 * Figures of the current data, cached per area and period until the data version moves (any
 * write), so repeated dashboard reads cost one indexed max() and no scan.
 */
export class FiguresCache {
  private readonly entries = new Map<string, Promise<Figures>>();

  constructor(private readonly db: Database) {}

  async get(area: Area, period: string): Promise<Figures> {
    const version = await dataVersion(this.db);
    const key = `${period}|${JSON.stringify(area)}`;
    const hit = this.entries.get(key);
    if (hit) {
      const figures = await hit.catch(() => null);
      if (figures && figures.dataVersion === version) return figures;
    }
    const next = readFigures(this.db, area, period, version);
    if (this.entries.size > 200) this.entries.clear();
    this.entries.set(key, next);
    return next;
  }
}
