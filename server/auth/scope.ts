import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import type { SqlParams } from '../common/listing/sql-builder';
import { Actor, Area, currentActor, Role } from './actor';

/**
 * Row-level scope (README: accounts, roles and personal data): the SQL condition a row of each table must meet for the current
 * actor. Every read path adds it — lists, counts, single reads, relation fields, relation filters,
 * aggregates, worklists — so a row out of scope is indistinguishable from an absent one. Writes add
 * the write condition when they lock the row and check every row the input refers to.
 *
 * A rule returns SQL over `alias`, or null for no restriction. Tables without a rule (departments,
 * relocation sites, monitoring lines) are reference data every signed-in actor may read.
 */
type Rule = (alias: string, area: Exclude<Area, { level: 'DISTRICT' }>, params: SqlParams) => string;

const villagesOf = (area: Exclude<Area, { level: 'DISTRICT' }>, params: SqlParams) =>
  area.level === 'TOWNSHIP'
    ? `SELECT v.id FROM village v WHERE v.township_id = ${params.add(area.townshipId)}`
    : `SELECT ${params.add(area.villageId)}::int`;

const householdsOf = (area: Exclude<Area, { level: 'DISTRICT' }>, params: SqlParams) =>
  `SELECT h.id FROM household h WHERE h.village_id IN (${villagesOf(area, params)})`;

const sitesOf = (area: Exclude<Area, { level: 'DISTRICT' }>, params: SqlParams) =>
  area.level === 'TOWNSHIP'
    ? `SELECT s.id FROM relocation_site s WHERE s.township_id = ${params.add(area.townshipId)}`
    : `SELECT s.id FROM relocation_site s WHERE s.village_id = ${params.add(area.villageId)}`;

const AREA_RULES: Record<string, Rule> = {
  township: (a, area, p) => `${a}.id = ${p.add(area.townshipId)}`,
  village: (a, area, p) =>
    area.level === 'TOWNSHIP'
      ? `${a}.township_id = ${p.add(area.townshipId)}`
      : `${a}.id = ${p.add(area.villageId)}`,
  village_collective_income: (a, area, p) => `${a}.village_id IN (${villagesOf(area, p)})`,
  household: (a, area, p) => `${a}.village_id IN (${villagesOf(area, p)})`,
  household_member: (a, area, p) => `${a}.household_id IN (${householdsOf(area, p)})`,
  household_income: (a, area, p) => `${a}.household_id IN (${householdsOf(area, p)})`,
  monitoring_case: (a, area, p) => `${a}.household_id IN (${householdsOf(area, p)})`,
  monitoring_visit: (a, area, p) => `${a}.household_id IN (${householdsOf(area, p)})`,
  assistance_measure: (a, area, p) =>
    `(${a}.household_id IN (${householdsOf(area, p)}) OR ${a}.village_id IN (${villagesOf(area, p)}) OR ${a}.relocation_site_id IN (${sitesOf(area, p)}))`,
  asset: (a, area, p) =>
    `(${a}.village_id IN (${villagesOf(area, p)}) OR ${a}.household_id IN (${householdsOf(area, p)}) OR ${a}.relocation_site_id IN (${sitesOf(area, p)}))`,
  asset_funding: (a, area, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE ${AREA_RULES.asset('x', area, p)})`,
  asset_revenue: (a, area, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE ${AREA_RULES.asset('x', area, p)})`,
  asset_revenue_distribution: (a, area, p) =>
    `${a}.revenue_id IN (SELECT r.id FROM asset_revenue r WHERE r.asset_id IN (SELECT x.id FROM asset x WHERE ${AREA_RULES.asset('x', area, p)}))`,
  asset_disposal: (a, area, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE ${AREA_RULES.asset('x', area, p)})`,
  // Cross-sector data exchange (issue #16): members' sector values and the alerts on the area's households.
  member_sector_value: (a, area, p) =>
    `${a}.member_id IN (SELECT mm.id FROM household_member mm WHERE mm.household_id IN (${householdsOf(area, p)}))`,
  member_sector_value_change: (a, area, p) =>
    `${a}.member_id IN (SELECT mm.id FROM household_member mm WHERE mm.household_id IN (${householdsOf(area, p)}))`,
  feed_alert: (a, area, p) => `${a}.household_id IN (${householdsOf(area, p)})`,
  // Feed runs are district-wide department uploads: no area role below the district reads them.
  feed_run: () => 'FALSE',
};

/** Tables a department officer writes when its department is responsible (README: accounts, roles and personal data). */
const DEPARTMENT_RULES: Record<string, (alias: string, departmentId: number, params: SqlParams) => string> = {
  // Sector values: only the fields the officer's department owns (issue #16).
  member_sector_value: (a, d, p) => `${a}.department_id = ${p.add(d)}`,
  feed_run: (a, d, p) => `${a}.department_id = ${p.add(d)}`,
  assistance_measure: (a, d, p) => `${a}.responsible_department_id = ${p.add(d)}`,
  asset: (a, d, p) => `${a}.responsible_department_id = ${p.add(d)}`,
  asset_funding: (a, d, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE x.responsible_department_id = ${p.add(d)})`,
  asset_revenue: (a, d, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE x.responsible_department_id = ${p.add(d)})`,
  asset_disposal: (a, d, p) =>
    `${a}.asset_id IN (SELECT x.id FROM asset x WHERE x.responsible_department_id = ${p.add(d)})`,
};

/**
 * Rows that belong to a responsible unit (`department_id`): a department's rows to its department
 * officers, a township government's to its township officers; district roles and the auditor all.
 * Progress reports are read this way (a unit sees only its own, drafts included); plan measures
 * are read by all and written this way.
 */
function unitRule(alias: string, params: SqlParams, actor: Actor): string | null {
  if (actor.role === Role.DEPARTMENT_OFFICER)
    return actor.departmentId !== null
      ? `(${alias}.department_id = ${params.add(actor.departmentId)})`
      : 'FALSE';
  if (actor.role === Role.TOWNSHIP_OFFICER && actor.area.level !== 'DISTRICT')
    return `(${alias}.department_id IN (SELECT u.id FROM department u WHERE u.kind = 'TOWNSHIP' AND u.township_id = ${params.add(actor.area.townshipId)}))`;
  if (actor.role === Role.VILLAGE_CADRE || actor.role === 'API_KEY') return 'FALSE';
  return null;
}
const UNIT_READ_TABLES = new Set(['progress_report']);
const UNIT_WRITE_TABLES = new Set(['progress_report', 'plan_measure']);

/** The read condition of `table` for the actor (default: the current one); null when unrestricted. */
export function readScope(
  table: string,
  alias: string,
  params: SqlParams,
  actor: Actor = currentActor(),
): string | null {
  if (UNIT_READ_TABLES.has(table)) return unitRule(alias, params, actor);
  if (actor.area.level === 'DISTRICT') return null;
  const rule = AREA_RULES[table] as Rule | undefined;
  return rule ? `(${rule(alias, actor.area, params)})` : null;
}

/**
 * The write condition: the area's, plus for a department officer its department's responsibility.
 * Role checks (who may call which mutation) are in permissions.ts; this decides which rows.
 */
export function writeScope(
  table: string,
  alias: string,
  params: SqlParams,
  actor: Actor = currentActor(),
): string | null {
  const parts: string[] = [];
  if (UNIT_WRITE_TABLES.has(table)) {
    const unit = unitRule(alias, params, actor);
    return unit;
  }
  const area = readScope(table, alias, params, actor);
  if (area) parts.push(area);
  if (actor.role === Role.DEPARTMENT_OFFICER) {
    // The register tables it may write are limited to its department's rows; the access policy
    // keeps it from every other write but its own account's.
    const rule = DEPARTMENT_RULES[table] as (typeof DEPARTMENT_RULES)[string] | undefined;
    if (rule)
      parts.push(actor.departmentId !== null ? `(${rule(alias, actor.departmentId, params)})` : 'FALSE');
  }
  return parts.length ? parts.join(' AND ') : null;
}

/** `readScope` by entity metadata, for the list machinery. */
export function readScopeOf(meta: EntityMetadata, alias: string, params: SqlParams): string | null {
  return readScope(meta.tableName, alias, params);
}
