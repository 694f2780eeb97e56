import { enumLabels } from '../../common/enums';
import { scopedFilterToSql, SqlParams } from '../../common/listing/sql-builder';
import type { Database } from '../../database/database';
import { Asset } from '../asset/asset.entity';
import { AssistanceMeasure } from '../assistance-measure/assistance-measure.entity';
import { Household } from '../household/household.entity';
import type { StatisticsRow } from './statistics.types';

/** How one grouping is computed: the key expression, joins it needs, and where labels come from. */
interface Grouping {
  expr: string;
  joins?: string;
  /** `table:<name>` (label = that row's name), `enum:<EnumName>` (Chinese label), or `year`. */
  label: string;
}

interface Subject {
  entity: Function;
  table: string;
  sum: string | null;
  groupings: Record<string, Grouping>;
}

const villageOf = (col: string) => ({ joins: `LEFT JOIN village gv ON gv.id = ${col}` });

const SUBJECTS: Record<'household' | 'measure' | 'asset', Subject> = {
  household: {
    entity: Household,
    table: 'household',
    sum: null,
    groupings: {
      TOWNSHIP: { expr: 'gv.township_id', ...villageOf('t.village_id'), label: 'table:township' },
      VILLAGE: { expr: 't.village_id', label: 'table:village' },
      HOUSEHOLD_TYPE: { expr: 't.household_type', label: 'enum:HouseholdType' },
      RELOCATION_SITE: { expr: 't.relocation_site_id', label: 'table:relocation_site' },
    },
  },
  measure: {
    entity: AssistanceMeasure,
    table: 'assistance_measure',
    sum: 't.amount_yuan',
    groupings: {
      // A measure's place: its household's village, its own village, or its relocation site's township.
      TOWNSHIP: {
        expr: 'coalesce(hv.township_id, gv.township_id, rs.township_id)',
        joins:
          'LEFT JOIN household gh ON gh.id = t.household_id LEFT JOIN village hv ON hv.id = gh.village_id ' +
          'LEFT JOIN village gv ON gv.id = t.village_id LEFT JOIN relocation_site rs ON rs.id = t.relocation_site_id',
        label: 'table:township',
      },
      VILLAGE: {
        expr: 'coalesce(gh.village_id, t.village_id)',
        joins: 'LEFT JOIN household gh ON gh.id = t.household_id',
        label: 'table:village',
      },
      TYPE: { expr: 't.type', label: 'enum:MeasureType' },
      STATUS: { expr: 't.status', label: 'enum:MeasureStatus' },
      DEPARTMENT: { expr: 't.responsible_department_id', label: 'table:department' },
      YEAR: { expr: 'extract(year FROM t.start_date)::int', label: 'year' },
    },
  },
  asset: {
    entity: Asset,
    table: 'asset',
    sum: 't.original_value_yuan',
    groupings: {
      TOWNSHIP: {
        expr: 'coalesce(gv.township_id, rs.township_id)',
        joins:
          'LEFT JOIN village gv ON gv.id = t.village_id LEFT JOIN relocation_site rs ON rs.id = t.relocation_site_id',
        label: 'table:township',
      },
      VILLAGE: { expr: 't.village_id', label: 'table:village' },
      ASSET_CLASS: { expr: 't.asset_class', label: 'enum:AssetClass' },
      CATEGORY: { expr: 't.category', label: 'enum:AssetCategory' },
      STATUS: { expr: 't.status', label: 'enum:AssetStatus' },
      DEPARTMENT: { expr: 't.responsible_department_id', label: 'table:department' },
      YEAR: { expr: 't.project_year', label: 'year' },
    },
  },
};

/**
 * Aggregates for dashboards (README: the API in brief): rows of `{ key, label, count, sumYuan }` grouped by a
 * dimension, over the rows a list filter selects. One GROUP BY statement plus one for labels.
 */
export class StatisticsService {
  constructor(private readonly db: Database) {}

  async aggregate(
    subject: keyof typeof SUBJECTS,
    groupBy: string,
    filter: Record<string, any> | null | undefined,
    includeEmpty = false,
  ): Promise<StatisticsRow[]> {
    const s = SUBJECTS[subject];
    const g = s.groupings[groupBy];
    const params = new SqlParams();
    const meta = this.db.dataSource.getMetadata(s.entity);
    // Aggregates count only rows the actor could list.
    const where = scopedFilterToSql(meta, 't', filter, params);
    const sum = s.sum ? `, sum(${s.sum})::text AS total` : '';
    const rows = await this.db.query(
      `SELECT ${g.expr} AS key, count(*)::int AS n${sum} FROM ${s.table} t ${g.joins ?? ''} WHERE ${where}
        GROUP BY 1 ORDER BY 1 NULLS LAST`,
      params.values,
    );
    const labels = await groupLabels(
      this.db,
      g.label,
      rows.map((r) => r.key).filter((k) => k !== null),
    );
    const counted: StatisticsRow[] = rows.map((r) => ({
      key: r.key === null ? null : String(r.key),
      label: r.key === null ? '未填' : (labels.get(String(r.key)) ?? String(r.key)),
      count: r.n,
      sumYuan: s.sum ? fixedYuan(r.total) : null,
    }));
    if (!includeEmpty) return counted;
    // Every possible group, in the order of its keys, with zero where nothing was counted.
    const all = await this.possibleKeys(g.label, counted);
    const byKey = new Map(counted.map((r) => [r.key, r]));
    const out = all.map(
      (k) => byKey.get(k.key) ?? { key: k.key, label: k.label, count: 0, sumYuan: s.sum ? '0.00' : null },
    );
    const listed = new Set<string | null>(all.map((k) => k.key));
    return out.concat(counted.filter((r) => !listed.has(r.key)));
  }

  /**
   * The keys a grouping can have, in key order: an enum's values; the rows of a table the caller
   * may read (its scope: a township officer gets its own villages); the years from the first to
   * the last one counted.
   */
  private async possibleKeys(
    source: string,
    counted: StatisticsRow[],
  ): Promise<{ key: string; label: string }[]> {
    const [kind, name] = source.split(':');
    if (kind === 'enum')
      return Object.entries(enumLabels.get(name) ?? {}).map(([key, label]) => ({ key, label }));
    if (kind === 'table') {
      const meta = this.db.dataSource.entityMetadatas.find((m) => m.tableName === name)!;
      const params = new SqlParams();
      const rows = await this.db.query(
        `SELECT t.id, t.name FROM ${name} t WHERE ${scopedFilterToSql(meta, 't', null, params)} ORDER BY t.id`,
        params.values,
      );
      return rows.map((r) => ({ key: String(r.id), label: r.name }));
    }
    const years = counted.filter((r) => r.key !== null).map((r) => Number(r.key));
    if (!years.length) return [];
    const keys: { key: string; label: string }[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++)
      keys.push({ key: String(y), label: `${y}年` });
    return keys;
  }
}

/** The groupings of assets (shared with the ledger views). */
export const ASSET_GROUPINGS: Record<string, Grouping> = SUBJECTS.asset.groupings;

/** Labels of group keys by id (as strings): `table:<name>` → that row's name, `enum:<Enum>` → Chinese label, else `2024年`. */
export async function groupLabels(
  db: Database,
  source: string,
  keys: unknown[],
): Promise<Map<string, string>> {
  const [kind, name] = source.split(':');
  if (kind === 'table' && keys.length) {
    const rows = await db.query(`SELECT id, name FROM ${name} WHERE id = ANY($1::int[])`, [keys.map(Number)]);
    return new Map(rows.map((r) => [String(r.id), r.name]));
  }
  if (kind === 'enum') return new Map(Object.entries(enumLabels.get(name) ?? {}));
  return new Map(keys.map((k) => [String(k), `${k}年`]));
}

/** numeric text → exactly two decimals, without a float ("12.5" → "12.50", null → "0.00"). */
export function fixedYuan(total: string | null): string {
  if (!total) return '0.00';
  const [int, frac = ''] = total.split('.');
  return `${int}.${(frac + '00').slice(0, 2)}`;
}
