import { readScope } from '../../auth/scope';
import { SqlParams } from '../../common/listing/sql-builder';
import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import type { Loaders } from '../../common/crud/loaders';
import { FieldErrors } from '../../common/errors';
import { checkHappenedOn } from '../../common/validation/happened-on';
import { RelocationSite } from './relocation-site.entity';

/** Derived totals of one site, counted from its relocated households and their members. */
export interface RelocationSiteTotals {
  households: number;
  people: number;
  /** Members with labour capacity FULL or PARTIAL (普通/弱劳动力). */
  laborers: number;
  /** Laborers working somewhere (workLocation ≠ NONE). */
  employedLaborers: number;
}

/** Relocation sites: the village, when given, must be in the site's township; completed not in the future (FUTURE_DATE). */
export class RelocationSiteService extends CrudService<RelocationSite> {
  protected readonly entity = RelocationSite;

  protected async check(s: RelocationSite, m: EntityManager): Promise<void> {
    const errors = new FieldErrors();
    checkHappenedOn(errors, 'input.completedAt', s.completedAt);
    if (s.villageId !== null) {
      const [village] = await m.query('SELECT township_id FROM village WHERE id = $1', [s.villageId]);
      if (!village) errors.add('input.villageId', 'REFERENCE_NOT_FOUND', 'no such village');
      else if (s.townshipId === null) s.townshipId = village.township_id;
      else if (village.township_id !== s.townshipId) {
        errors.add('input.villageId', 'VILLAGE_NOT_IN_TOWNSHIP', 'the village is not in the site’s township');
      }
    }
    errors.throwIfAny();
  }

  /** Totals per site, batched: one GROUP BY statement for all sites of a request. */
  totals(loaders: Loaders, siteId: number): Promise<RelocationSiteTotals> {
    return loaders
      .custom<number, RelocationSiteTotals>('relocationSiteTotals', async (ids) => {
        // Counted over the households the caller may see: a cadre sees its village's part of a site.
        const params = new SqlParams();
        const scope = readScope('household', 'h', params);
        const rows = await this.db.query(
          `SELECT h.relocation_site_id AS site, count(DISTINCT h.id)::int AS households, count(m.id)::int AS people,
                  count(m.id) FILTER (WHERE m.labor_capacity IN ('FULL', 'PARTIAL'))::int AS laborers,
                  count(m.id) FILTER (WHERE m.labor_capacity IN ('FULL', 'PARTIAL') AND m.work_location <> 'NONE')::int
                    AS employed
             FROM household h LEFT JOIN household_member m ON m.household_id = h.id
            WHERE h.relocation_site_id = ANY(${params.add([...ids])})${scope ? ` AND ${scope}` : ''}
            GROUP BY h.relocation_site_id`,
          params.values,
        );
        const bySite = new Map(rows.map((r) => [Number(r.site), r]));
        return ids.map((id) => {
          const r = bySite.get(id);
          return {
            households: r?.households ?? 0,
            people: r?.people ?? 0,
            laborers: r?.laborers ?? 0,
            employedLaborers: r?.employed ?? 0,
          };
        });
      })
      .load(siteId);
  }
}
