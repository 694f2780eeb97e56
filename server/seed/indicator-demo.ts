import type { Database } from '../database/database';
import { SnapshotKind } from '../modules/indicator/indicator.enums';
import { IndicatorSnapshotService } from '../modules/indicator/indicator-snapshot.service';
import { IndicatorService } from '../modules/indicator/indicator.service';
import { currentPeriod, lastPeriods } from '../modules/indicator/indicator-period';

/** Reported figures of the demo, rising over the year (demo values, not official figures). */
const REPORTED: Record<string, (month: number) => string> = {
  rural_homestays: (i) => String(73 + i * 2), // … 95: AT_RISK (target 100, margin 10)
  one_village_one_product: (i) => (i < 6 ? '1' : '2'), // 2: AT_RISK (target 3, margin 1)
  gansu_brand_products: (i) => (i < 4 ? '2' : '4'), // MET
  land_revenue_to_agriculture: (i) => (41 + i).toFixed(2), // 52: MET
  // the district's rural per-capita income growth, percent: the alleviated households' demo growth
  // (about 8.7 %) is below it early in the year (MISSED / AT_RISK) and above it later (MET)
  alleviated_income_growth: (i) => (9.6 - i * 0.2).toFixed(2),
};

/**
 * Demo data of the indicators, so the console shows every status: a year of reported figures by
 * the owning departments, homestay figures and targets for some townships only (the others show
 * NO_DATA), relocation targets for the townships of the sites, and the past 11 months' month-end
 * snapshots (computed from the register with ages at each month's end).
 */
export async function seedIndicatorDemo(db: Database): Promise<void> {
  const periods = lastPeriods(currentPeriod(), 12);
  await db.transaction(async (m) => {
    // The year before the demo incomes' year for alleviated households (8 % lower), so their growth is known.
    await m.query(
      `INSERT INTO household_income (household_id, year, people, wage_income_yuan, production_income_yuan, property_income_yuan,
              transfer_income_yuan, production_costs_yuan, compliant_spending_yuan, net_income_yuan, per_capita_net_income_yuan)
       SELECT household_id, year - 1, people, w, p, r, t, c, s, w + p + r + t - c - s, round((w + p + r + t - c - s) / people, 2)
         FROM (SELECT i.household_id, i.year, i.people, round(i.wage_income_yuan * 0.92, 2) AS w, round(i.production_income_yuan * 0.92, 2) AS p,
                      round(i.property_income_yuan * 0.92, 2) AS r, round(i.transfer_income_yuan * 0.92, 2) AS t,
                      round(i.production_costs_yuan * 0.92, 2) AS c, round(i.compliant_spending_yuan * 0.92, 2) AS s
                 FROM household_income i JOIN household h ON h.id = i.household_id
                WHERE h.household_type = 'ALLEVIATED' AND i.year = (SELECT max(year) FROM household_income)) x
       ON CONFLICT DO NOTHING`,
    );
    for (const [key, value] of Object.entries(REPORTED)) {
      await m.query(
        `INSERT INTO indicator_report (indicator_id, period, township_id, value, source_document, entered_by)
         SELECT i.id, p.period, NULL, p.value::numeric, '演示数据 (demo figures)', '演示数据'
           FROM plan_indicator i, unnest($2::text[], $3::text[]) AS p(period, value) WHERE i.key = $1
         ON CONFLICT DO NOTHING`,
        [key, periods, periods.map((_, i) => value(i))],
      );
    }
    // Homestays: the first four townships report their own figures and have targets; the rest do not.
    await m.query(
      `WITH t AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM township)
       INSERT INTO indicator_report (indicator_id, period, township_id, value, source_document, entered_by)
       SELECT i.id, $1, t.id, (8 + t.n * 3)::numeric, '演示数据 (demo figures)', '演示数据'
         FROM plan_indicator i, t WHERE i.key = 'rural_homestays' AND t.n <= 4 ON CONFLICT DO NOTHING`,
      [periods[periods.length - 1]],
    );
    await m.query(
      `WITH t AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM township)
       INSERT INTO plan_indicator_target (indicator_id, township_id, target)
       SELECT i.id, t.id, 12 FROM plan_indicator i, t WHERE i.key = 'rural_homestays' AND t.n <= 4 ON CONFLICT DO NOTHING`,
    );
    // Relocation totals: each site's township has the households registered there as its target.
    await m.query(
      `INSERT INTO plan_indicator_target (indicator_id, township_id, target)
       SELECT i.id, v.township_id, count(*) FROM plan_indicator i, household h JOIN village v ON v.id = h.village_id
        WHERE i.key = 'relocated_households' AND h.relocation_site_id IS NOT NULL GROUP BY i.id, v.township_id
       ON CONFLICT DO NOTHING`,
    );
  });
  const snapshots = new IndicatorSnapshotService(db);
  snapshots.indicators = new IndicatorService(db, snapshots);
  for (const period of periods.slice(0, -1)) {
    const [existing] = await db.query(`SELECT id FROM indicator_snapshot WHERE period = $1 AND kind = $2`, [
      period,
      SnapshotKind.MONTH_END,
    ]);
    if (!existing) await snapshots.take(period, SnapshotKind.MONTH_END, '演示数据 (month-end snapshot)');
  }
}
