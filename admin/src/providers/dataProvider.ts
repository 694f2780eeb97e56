import type { DataProvider } from 'react-admin';
import { byName, FieldSpec, ResourceSpec } from '../resources/config';
import { gql } from './graphql';

const upperSnake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

function spec(resource: string): ResourceSpec {
  const r = byName.get(resource);
  if (!r) throw new Error(`unknown resource ${resource}`);
  return r;
}

/** The selection of a record: id, version, every field, nested rows. */
function selection(r: ResourceSpec): string {
  return ['id', r.noVersion ? '' : 'version', ...r.fields.map((f) => f.source), r.extra ?? ''].join(' ');
}

/** Name of the write mutations: `createUser` for AppUser, `createHousehold` for Household. */
const writeName = (r: ResourceSpec) => r.mutationType ?? r.type;

/** Whole days of a date range filter on a timestamp: from 00:00 of the first to the end of the last. */
function timestampBound(op: string, day: string): string {
  return op === 'gte' ? `${day}T00:00:00.000Z` : `${day}T23:59:59.999Z`;
}

/** Nested connections become plain arrays (`fundings { nodes }` → `fundings`). */
function flatten(record: any): any {
  const out = { ...record };
  for (const [k, v] of Object.entries(out))
    if (v && typeof v === 'object' && 'nodes' in (v as any)) out[k] = (v as any).nodes;
  return out;
}

/** `{ q }` under a relation path: nest('household.village', x) → `{ household: { village: x } }`. */
function nest(path: string | undefined, value: Record<string, unknown>): Record<string, unknown> {
  return (path ? path.split('.') : []).reduceRight<Record<string, unknown>>((v, k) => ({ [k]: v }), value);
}

function merge(into: Record<string, any>, from: Record<string, any>): void {
  for (const [k, v] of Object.entries(from)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && into[k] && typeof into[k] === 'object')
      merge(into[k], v);
    else into[k] = v;
  }
}

/**
 * react-admin filters → the API's typed filters: `q` → text search (on the row or `searchVia`);
 * `field_gte` / `field_lte` → ranges; `townshipOfVillage` → relation filter along `townshipVia`; text fields → contains; others → eq.
 */
function toFilter(r: ResourceSpec, filter: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === '' || value === undefined || value === null) continue;
    if (key === 'q') merge(out, nest(r.searchVia, { q: value }));
    else if (key.endsWith('_set')) out[key.slice(0, -4)] = { isNull: !value };
    else if (key === 'townshipOfVillage') merge(out, nest(r.townshipVia, { townshipId: { eq: value } }));
    else if (key.endsWith('_gte') || key.endsWith('_lte')) {
      const [source, op] = [key.slice(0, -4), key.slice(-3)];
      const timestamp = r.fields.find((x) => x.source === source)?.type === 'datetime';
      out[source] = { ...(out[source] ?? {}), [op]: timestamp ? timestampBound(op, value) : value };
    } else if (key === 'id') out.id = { in: [].concat(value) };
    else {
      const field = r.fields.find((x) => x.source === key);
      if (Array.isArray(value)) out[key] = { in: value };
      else out[key] = field?.type === 'text' ? { contains: value } : { eq: value };
    }
  }
  return out;
}

/**
 * The input of a write: the fields that are not derived, money and numbers as the API wants them.
 * An update sends only what changed, so masked values (ID numbers) that were not retyped stay as stored.
 */
function toInput(r: ResourceSpec, data: any, creating: boolean, previous?: any): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of r.fields) {
    if (f.readOnly || f.type === 'derived' || (f.createOnly && !creating) || !(f.source in data)) continue;
    const value = normalize(f, data[f.source]);
    if (previous && value === normalize(f, previous[f.source])) continue;
    input[f.source] = value;
  }
  if (r.name === 'households' && creating && data.members?.length) {
    const fields = byName.get('householdMembers')!.fields;
    input.members = data.members.map((m: any) => {
      const out: Record<string, unknown> = {};
      for (const f of fields)
        if (f.source in m && f.source !== 'householdId') out[f.source] = normalize(f, m[f.source]);
      return out;
    });
  }
  if (r.name === 'assets' && data.fundings) {
    input.fundings = data.fundings.map((x: any) => ({
      source: x.source,
      amountYuan: String(x.amountYuan).replace(/,/g, ''),
    }));
  }
  return input;
}

function normalize(f: FieldSpec, v: any): unknown {
  if (v === '' || v === undefined) return null;
  if (f.type === 'money' && v !== null) return String(v).replace(/,/g, '');
  if (f.type === 'int' && v !== null) return Number(v);
  return v;
}

/** A data provider over the public GraphQL API: the same queries a dashboard would send. */
export const dataProvider: DataProvider = {
  async getList(resource, params) {
    const r = spec(resource);
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const sortField = params.sort?.field;
    const sortable =
      sortField && (sortField === 'id' || r.fields.some((f) => f.source === sortField && f.sortable));
    const orderBy = sortable
      ? [{ field: upperSnake(sortField), direction: params.sort!.order === 'DESC' ? 'DESC' : 'ASC' }]
      : null;
    const query = `query($first: Int, $offset: Int, $after: String, $orderBy: [${r.type}OrderBy!], $filter: ${r.type}Filter) {
        list: ${r.name}(first: $first, offset: $offset, after: $after, orderBy: $orderBy, filter: $filter) {
          totalCount nodes { ${selection(r)} } pageInfo { hasNextPage endCursor } } }`;
    const filter = toFilter(r, params.filter);
    if (perPage <= 500) {
      const data = await gql(query, { first: perPage, offset: (page - 1) * perPage, orderBy, filter });
      return { data: data.list.nodes.map(flatten), total: data.list.totalCount };
    }
    // Exports ask for everything: walk the cursor 500 rows at a time (the API's page limit).
    const rows: any[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const data: any = await gql(query, { first: 500, after, orderBy, filter });
      rows.push(...data.list.nodes.map(flatten));
      total = data.list.totalCount;
      after = data.list.pageInfo.hasNextPage ? data.list.pageInfo.endCursor : null;
    } while (after && rows.length < perPage);
    return { data: rows, total };
  },
  async getOne(resource, params) {
    const r = spec(resource);
    if (r.noSingle) {
      const { data } = await this.getMany(resource, { ids: [params.id] });
      if (!data.length) throw new Error('ra.notification.item_doesnt_exist');
      return { data: data[0] };
    }
    const data = await gql(`query($id: ID!) { one: ${r.singular}(id: $id) { ${selection(r)} } }`, {
      id: params.id,
    });
    if (!data.one) throw new Error('ra.notification.item_doesnt_exist');
    return { data: flatten(data.one) };
  },
  async getMany(resource, params) {
    const r = spec(resource);
    const data = await gql(
      `query($ids: [ID!]) { list: ${r.name}(first: 500, filter: { id: { in: $ids } }) { nodes { ${selection(r)} } } }`,
      {
        ids: params.ids.map(String),
      },
    );
    return { data: data.list.nodes.map(flatten) };
  },
  async getManyReference(resource, params) {
    return this.getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },
  async create(resource, params) {
    const r = spec(resource);
    if (resource === 'monitoringCases') {
      // A case is opened by its domain verb (登记风险线索), never by a generic create.
      const { householdId, discoverySource, description, clueDate } = params.data;
      try {
        const data = await gql(
          `mutation($input: ReportRiskInput!) { one: reportRisk(input: $input) { ${selection(r)} } }`,
          { input: { householdId, source: discoverySource, description, date: clueDate || null } },
        );
        return { data: flatten(data.one) };
      } catch (error: any) {
        // The verb's input names → the form's fields, so errors show on the right field.
        const errors = error.body?.errors;
        if (errors)
          for (const [from, to] of [
            ['date', 'clueDate'],
            ['source', 'discoverySource'],
          ])
            if (errors[from]) ((errors[to] = errors[from]), delete errors[from]);
        throw error;
      }
    }
    if (resource === 'users') {
      // The one-time password comes back once; the create page shows it.
      const data = await gql(
        `mutation($input: CreateUserInput!) { one: createUser(input: $input) { oneTimePassword user { ${selection(r)} } } }`,
        { input: toInput(r, params.data, true) },
      );
      return { data: { ...data.one.user, oneTimePassword: data.one.oneTimePassword } };
    }
    if (resource === 'apiKeys') {
      const data = await gql(
        `mutation($input: CreateApiKeyInput!) { one: createApiKey(input: $input) { key apiKey { ${selection(r)} } } }`,
        { input: { name: params.data.name, townshipId: params.data.townshipId || null } },
      );
      return { data: { ...data.one.apiKey, secret: data.one.key } };
    }
    const data = await gql(
      `mutation($input: Create${writeName(r)}Input!) { one: create${writeName(r)}(input: $input) { ${selection(r)} } }`,
      {
        input: toInput(r, params.data, true),
      },
    );
    return { data: flatten(data.one) };
  },
  async update(resource, params) {
    const r = spec(resource);
    const data = await gql(
      `mutation($id: ID!, $input: Update${writeName(r)}Input!, $v: Int) { one: update${writeName(r)}(id: $id, input: $input, expectedVersion: $v) { ${selection(r)} } }`,
      {
        id: params.id,
        input: toInput(r, params.data, false, params.previousData),
        v: params.previousData?.version ?? null,
      },
    );
    return { data: flatten(data.one) };
  },
  async updateMany(resource, params) {
    for (const id of params.ids)
      await this.update(resource, { id, data: params.data, previousData: undefined as any });
    return { data: params.ids };
  },
  async delete(resource, params) {
    const r = spec(resource);
    if (resource === 'apiKeys') {
      // An API key is never deleted: it is revoked, and stays listed.
      await gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: params.id });
      return { data: params.previousData as any };
    }
    await gql(`mutation($id: ID!, $v: Int) { delete${writeName(r)}(id: $id, expectedVersion: $v) }`, {
      id: params.id,
      v: params.previousData?.version ?? null,
    });
    return { data: params.previousData as any };
  },
  async deleteMany(resource, params) {
    for (const id of params.ids) await this.delete(resource, { id, previousData: undefined as any });
    return { data: params.ids };
  },
};
