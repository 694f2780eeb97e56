// The benchmark's operations, written once per target so that every target returns the same rows
// and fields: `ours` (this API), `pgl` (PostGraphile 5) and `sql` (hand-written SQL, the floor).
// `rows(data)` counts what came back, to check the three agree before any load is sent.

const n = (list) => (Array.isArray(list) ? list.length : 0);

/** Parameters picked from the database: a township, a village, a department, a household. */
export async function pickParameters(pool) {
  const one = async (sql) => (await pool.query(sql)).rows[0];
  const township =
    await one(`SELECT t.id FROM township t JOIN village v ON v.township_id = t.id JOIN household h ON h.village_id = v.id
                               GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`);
  const village = await one(
    `SELECT village_id AS id FROM household GROUP BY village_id ORDER BY count(*) DESC LIMIT 1`,
  );
  const dept = await one(`SELECT responsible_department_id AS id FROM asset WHERE asset_class = 'OPERATING'
                           GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const household =
    await one(`SELECT h.id FROM household h WHERE EXISTS (SELECT 1 FROM asset a WHERE a.household_id = h.id)
                                 AND EXISTS (SELECT 1 FROM assistance_measure m WHERE m.household_id = h.id) ORDER BY h.id LIMIT 1`);
  const townships = (await pool.query('SELECT id FROM township ORDER BY id')).rows.map((r) => r.id);
  return { township: township.id, village: village.id, dept: dept.id, household: household.id, townships };
}

export const operations = {
  Q1: {
    title: '50 households by township and type, with members and measures',
    ours: (p) => ({
      query: `query Q1($t: ID!) { households(first: 50, filter: { householdType: { eq: ALLEVIATED }, village: { townshipId: { eq: $t } } }) {
        nodes { id householdNumber householdType members { nodes { id name relationToHead } } measures { nodes { id type status amountYuan } } } } }`,
      variables: { t: String(p.township) },
    }),
    pgl: (p) => ({
      query: `query Q1($t: Int!) { allHouseholds(first: 50, orderBy: PRIMARY_KEY_ASC, filter: { householdType: { equalTo: ALLEVIATED }, villageByVillageId: { townshipId: { equalTo: $t } } }) {
        nodes { rowId householdNumber householdType householdMembersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name relationToHead } }
          assistanceMeasuresByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId type status amountYuan } } } } }`,
      variables: { t: p.township },
    }),
    sql: {
      text: `SELECT json_build_object('households', coalesce(json_agg(x ORDER BY x.id), '[]')) AS data FROM (
        SELECT h.id, h.household_number AS "householdNumber", h.household_type AS "householdType",
          (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'relationToHead', m.relation_to_head) ORDER BY m.id), '[]')
             FROM household_member m WHERE m.household_id = h.id) AS members,
          (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'status', a.status, 'amountYuan', a.amount_yuan::text) ORDER BY a.id), '[]')
             FROM assistance_measure a WHERE a.household_id = h.id) AS measures
        FROM household h JOIN village v ON v.id = h.village_id
        WHERE h.household_type = 'ALLEVIATED' AND v.township_id = $1 ORDER BY h.id LIMIT 50) x`,
      values: (p) => [p.township],
    },
    rows: {
      ours: (d) => d.households.nodes.reduce((s, h) => s + 1 + n(h.members.nodes) + n(h.measures.nodes), 0),
      pgl: (d) =>
        d.allHouseholds.nodes.reduce(
          (s, h) =>
            s + 1 + n(h.householdMembersByHouseholdId.nodes) + n(h.assistanceMeasuresByHouseholdId.nodes),
          0,
        ),
      sql: (d) => d.households.reduce((s, h) => s + 1 + n(h.members) + n(h.measures), 0),
    },
  },
  Q2: {
    title: 'a village with its household count and collective income by year',
    ours: (p) => ({
      query: `query Q2($v: ID!) { village(id: $v) { id name households { totalCount } collectiveIncomes(orderBy: [{ field: YEAR }]) { nodes { year amountYuan } } } }`,
      variables: { v: String(p.village) },
    }),
    pgl: (p) => ({
      query: `query Q2($v: Int!) { villageByRowId(rowId: $v) { rowId name householdsByVillageId { totalCount } villageCollectiveIncomesByVillageId(orderBy: YEAR_ASC) { nodes { year amountYuan } } } }`,
      variables: { v: p.village },
    }),
    sql: {
      text: `SELECT json_build_object('id', v.id, 'name', v.name,
          'households', (SELECT count(*) FROM household h WHERE h.village_id = v.id),
          'incomes', (SELECT coalesce(json_agg(json_build_object('year', i.year, 'amountYuan', i.amount_yuan::text) ORDER BY i.year), '[]')
                        FROM village_collective_income i WHERE i.village_id = v.id)) AS data
        FROM village v WHERE v.id = $1`,
      values: (p) => [p.village],
    },
    rows: {
      ours: (d) => d.village.households.totalCount + n(d.village.collectiveIncomes.nodes),
      pgl: (d) =>
        d.villageByRowId.householdsByVillageId.totalCount +
        n(d.villageByRowId.villageCollectiveIncomesByVillageId.nodes),
      sql: (d) => Number(d.households) + n(d.incomes),
    },
  },
  Q3: {
    title: '50 assets by class and department, with funding rows',
    ours: (p) => ({
      query: `query Q3($d: ID!) { assets(first: 50, filter: { assetClass: { eq: OPERATING }, responsibleDepartmentId: { eq: $d } }) {
        nodes { id assetCode name originalValueYuan fundings { nodes { source amountYuan } } } } }`,
      variables: { d: String(p.dept) },
    }),
    pgl: (p) => ({
      query: `query Q3($d: Int!) { allAssets(first: 50, orderBy: PRIMARY_KEY_ASC, filter: { assetClass: { equalTo: OPERATING }, responsibleDepartmentId: { equalTo: $d } }) {
        nodes { rowId assetCode name originalValueYuan assetFundingsByAssetId(orderBy: PRIMARY_KEY_ASC) { nodes { source amountYuan } } } } }`,
      variables: { d: p.dept },
    }),
    sql: {
      text: `SELECT coalesce(json_agg(x ORDER BY x.id), '[]') AS data FROM (
        SELECT a.id, a.asset_code AS "assetCode", a.name, a.original_value_yuan::text AS "originalValueYuan",
          (SELECT coalesce(json_agg(json_build_object('source', f.source, 'amountYuan', f.amount_yuan::text) ORDER BY f.id), '[]')
             FROM asset_funding f WHERE f.asset_id = a.id) AS fundings
        FROM asset a WHERE a.asset_class = 'OPERATING' AND a.responsible_department_id = $1 ORDER BY a.id LIMIT 50) x`,
      values: (p) => [p.dept],
    },
    rows: {
      ours: (d) => d.assets.nodes.reduce((s, a) => s + 1 + n(a.fundings.nodes), 0),
      pgl: (d) => d.allAssets.nodes.reduce((s, a) => s + 1 + n(a.assetFundingsByAssetId.nodes), 0),
      sql: (d) => d.reduce((s, a) => s + 1 + n(a.fundings), 0),
    },
  },
  Q4: {
    title: 'households and measures counted by township (ours and SQL also sum measure amounts)',
    ours: () => ({
      query: `query Q4 { householdStatistics(groupBy: TOWNSHIP) { key label count } assistanceMeasureStatistics(groupBy: TOWNSHIP) { key count sumYuan } }`,
      variables: {},
    }),
    // PostGraphile has no aggregates without @graphile/pg-aggregates: one aliased totalCount per township.
    pgl: (p) => ({
      query: `query Q4 { ${p.townships
        .map(
          (
            t,
          ) => `h${t}: allHouseholds(filter: { villageByVillageId: { townshipId: { equalTo: ${t} } } }) { totalCount }
                  m${t}: allAssistanceMeasures(filter: { householdByHouseholdId: { villageByVillageId: { townshipId: { equalTo: ${t} } } } }) { totalCount }`,
        )
        .join(' ')} }`,
      variables: {},
    }),
    sql: {
      text: `SELECT json_build_object(
          'households', (SELECT json_agg(json_build_object('key', v.township_id, 'count', c)) FROM
             (SELECT v.township_id, count(*) AS c FROM household h JOIN village v ON v.id = h.village_id GROUP BY 1) v),
          'measures', (SELECT json_agg(json_build_object('key', township_id, 'count', c, 'sumYuan', s::text)) FROM
             (SELECT v.township_id, count(*) AS c, sum(m.amount_yuan) AS s FROM assistance_measure m
                JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id GROUP BY 1) x)) AS data`,
      values: () => [],
    },
    rows: {
      ours: (d) =>
        d.householdStatistics.reduce((s, r) => s + r.count, 0) +
        d.assistanceMeasureStatistics.reduce((s, r) => s + r.count, 0),
      pgl: (d) => Object.values(d).reduce((s, r) => s + r.totalCount, 0),
      sql: (d) =>
        d.households.reduce((s, r) => s + Number(r.count), 0) +
        d.measures.reduce((s, r) => s + Number(r.count), 0),
    },
  },
  Q5: {
    title: 'one household by ID with everything about it',
    ours: (p) => ({
      query: `query Q5($h: ID!) { household(id: $h) { id householdNumber householdType address village { name township { name } } relocationSite { name }
        members { nodes { id name idNumber gender birthMonth relationToHead healthStatus laborCapacity } }
        measures { nodes { id type description status amountYuan responsibleDepartment { name } } }
        assets { nodes { id name originalValueYuan fundings { nodes { source amountYuan } } } } } }`,
      variables: { h: String(p.household) },
    }),
    pgl: (p) => ({
      query: `query Q5($h: Int!) { householdByRowId(rowId: $h) { rowId householdNumber householdType address
        villageByVillageId { name townshipByTownshipId { name } } relocationSiteByRelocationSiteId { name }
        householdMembersByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name idNumberEncrypted gender birthMonth relationToHead healthStatus laborCapacity } }
        assistanceMeasuresByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId type description status amountYuan departmentByResponsibleDepartmentId { name } } }
        assetsByHouseholdId(orderBy: PRIMARY_KEY_ASC) { nodes { rowId name originalValueYuan assetFundingsByAssetId { nodes { source amountYuan } } } } } }`,
      variables: { h: p.household },
    }),
    sql: {
      text: `SELECT json_build_object('id', h.id, 'householdNumber', h.household_number, 'householdType', h.household_type, 'address', h.address,
          'village', json_build_object('name', v.name, 'township', json_build_object('name', t.name)),
          'relocationSite', (SELECT json_build_object('name', s.name) FROM relocation_site s WHERE s.id = h.relocation_site_id),
          'members', (SELECT coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'idNumber', m.id_number_encrypted, 'gender', m.gender,
              'birthMonth', m.birth_month, 'relationToHead', m.relation_to_head, 'healthStatus', m.health_status, 'laborCapacity', m.labor_capacity) ORDER BY m.id), '[]')
              FROM household_member m WHERE m.household_id = h.id),
          'measures', (SELECT coalesce(json_agg(json_build_object('id', a.id, 'type', a.type, 'description', a.description, 'status', a.status,
              'amountYuan', a.amount_yuan::text, 'responsibleDepartment', json_build_object('name', d.name)) ORDER BY a.id), '[]')
              FROM assistance_measure a JOIN department d ON d.id = a.responsible_department_id WHERE a.household_id = h.id),
          'assets', (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'originalValueYuan', x.original_value_yuan::text,
              'fundings', (SELECT coalesce(json_agg(json_build_object('source', f.source, 'amountYuan', f.amount_yuan::text) ORDER BY f.id), '[]')
                             FROM asset_funding f WHERE f.asset_id = x.id)) ORDER BY x.id), '[]')
              FROM asset x WHERE x.household_id = h.id)) AS data
        FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id WHERE h.id = $1`,
      values: (p) => [p.household],
    },
    rows: {
      ours: (d) =>
        n(d.household.members.nodes) +
        n(d.household.measures.nodes) +
        d.household.assets.nodes.reduce((s, a) => s + 1 + n(a.fundings.nodes), 0),
      pgl: (d) =>
        n(d.householdByRowId.householdMembersByHouseholdId.nodes) +
        n(d.householdByRowId.assistanceMeasuresByHouseholdId.nodes) +
        d.householdByRowId.assetsByHouseholdId.nodes.reduce(
          (s, a) => s + 1 + n(a.assetFundingsByAssetId.nodes),
          0,
        ),
      sql: (d) => n(d.members) + n(d.measures) + d.assets.reduce((s, a) => s + 1 + n(a.fundings), 0),
    },
  },
};

/** M1: one household field updated with expectedVersion (this API only: a write through its rules). */
export const M1 = {
  title: 'update one household field with expectedVersion',
  query: `mutation M1($id: ID!, $v: Int!, $a: String!) { updateHousehold(id: $id, expectedVersion: $v, input: { address: $a }) { id version } }`,
};
