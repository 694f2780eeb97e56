import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, DocumentNode, parse, validate } from 'graphql';
import { ERROR_REASONS } from '../../admin/src/i18n/errors';
import { toSnake } from '../../server/common/errors';
import { startTestApp, TestApp } from '../support/harness';

// The data provider's HttpError, without loading the whole UI library into node.
jest.mock('react-admin', () => ({
  HttpError: class HttpError extends Error {
    constructor(
      message: string,
      public status: number,
      public body: unknown,
    ) {
      super(message);
    }
  },
}));

const root = path.join(__dirname, '../..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );

/** Validation errors of one document against schema.graphql (empty: the API has every field it asks). */
function problems(source: string): string[] {
  let doc: DocumentNode;
  try {
    doc = parse(source);
  } catch (e: any) {
    return [`parse: ${e.message}`];
  }
  return validate(schema, doc).map((e) => e.message);
}

/**
 * Every document the console's data provider sends, for every resource and method, captured at
 * `fetch` (the provider builds them from the resource table, so a table entry naming a field or
 * mutation the API lacks shows up here).
 */
async function providerDocuments(): Promise<{ where: string; query: string }[]> {
  const sent: { where: string; query: string }[] = [];
  let where = '';
  const answer = {
    list: { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } },
    one: { id: '1', user: { id: '1' }, apiKey: { id: '1' } },
  };
  (globalThis as any).fetch = async (_url: string, init: any) => {
    sent.push({ where, query: JSON.parse(init.body).query });
    return { status: 200, json: async () => ({ data: answer }) };
  };
  const { dataProvider } = await import('../../admin/src/providers/dataProvider');
  const { resources } = await import('../../admin/src/resources/config');
  const data = (r: (typeof resources)[number]) =>
    Object.fromEntries(r.fields.map((f) => [f.source, f.type === 'bool' ? true : '1']));
  for (const r of resources) {
    const run = async (method: string, call: () => Promise<unknown>) => {
      where = `${r.name}.${method}`;
      await call().catch(() => undefined);
    };
    await run('getList', () =>
      dataProvider.getList(r.name, {
        pagination: { page: 1, perPage: 25 },
        sort: { field: r.fields.find((f) => f.sortable)?.source ?? 'id', order: 'ASC' },
        filter: { q: 'x' },
      }),
    );
    await run('getOne', () => dataProvider.getOne(r.name, { id: '1' }));
    await run('getMany', () => dataProvider.getMany(r.name, { ids: ['1'] }));
    if (r.readOnly && r.name !== 'monitoringCases') continue;
    await run('create', () => dataProvider.create(r.name, { data: data(r) }));
    if (r.name === 'monitoringCases') continue;
    if (r.name !== 'apiKeys')
      await run('update', () =>
        dataProvider.update(r.name, { id: '1', data: data(r), previousData: { id: '1', version: 1 } }),
      );
    const { canDelete } = await import('../../admin/src/auth/can');
    if (canDelete(r.name))
      await run('delete', () =>
        dataProvider.delete(r.name, { id: '1', previousData: { id: '1', version: 1 } }),
      );
  }
  return sent;
}

/**
 * Documents written out in the console's components: `gql(\`…\`)` and the `QUERY` constants; a
 * `${NAME}` naming a string constant of the same file is filled in, as the component does.
 */
function literalDocuments(): { where: string; query: string }[] {
  const found: { where: string; query: string }[] = [];
  for (const file of walk(path.join(root, 'admin/src'))) {
    if (file.endsWith(path.join('providers', 'dataProvider.ts'))) continue;
    const s = fs.readFileSync(file, 'utf8');
    const constants = new Map<string, string>();
    for (const m of s.matchAll(/const ([A-Z_]+)\s*=\s*(?:'([^']*)'|`([^`$]*)`)/g))
      constants.set(m[1], m[2] ?? m[3]);
    for (const m of s.matchAll(/(?:gql(?:<[^>(]*>)?\(\s*|const [A-Z_]*QUERY\s*=\s*)(`[^`]*`|'[^']*')/g)) {
      const text = m[1]
        .slice(1, -1)
        .replace(/\$\{([A-Z_]+)\}/g, (whole, name) => constants.get(name) ?? whole);
      found.push({ where: path.relative(root, file), query: text });
    }
  }
  return found;
}

describe('the console against the API', () => {
  it('sends only documents that validate against schema.graphql', async () => {
    const docs = [...(await providerDocuments()), ...literalDocuments()];
    expect(docs.length).toBeGreaterThan(80);
    // documents still holding an expression (`${…}` of a computed selection) are checked where the
    // provider builds them; the rest must validate
    const checkable = docs.filter((d) => !d.query.includes('${'));
    expect(checkable.length / docs.length).toBeGreaterThan(0.85);
    const failures = checkable.flatMap((d) => problems(d.query).map((p) => `${d.where}: ${p}`));
    expect(failures).toEqual([]);
  });

  it('fails on a document asking for a field or mutation the API lacks (the check can fail)', () => {
    expect(problems('mutation($id: ID!, $v: Int) { deleteUser(id: $id, expectedVersion: $v) }')).toEqual([
      expect.stringContaining('Cannot query field "deleteUser" on type "Mutation".'),
    ]);
    expect(problems('{ households { nodes { headName } } }')).toHaveLength(1);
  });
});

describe('the GraphQL layer’s own codes, in the console’s words', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ reference: false });
  });
  afterAll(() => app.close());

  /** Codes and reasons the request layer itself gives: format-error's tables and class-validator's constraints. */
  function layerReasons(): string[] {
    const source = fs.readFileSync(path.join(root, 'server/app/format-error.ts'), 'utf8');
    const found = new Set<string>(['INVALID_INPUT', 'INVALID_VALUE', 'INTERNAL', 'INTERNAL_SERVER_ERROR']);
    for (const m of source.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) found.add(m[1]);
    const mapped = Object.fromEntries(
      [...source.matchAll(/^\s+(\w+): '([A-Z_]+)',$/gm)].map((m) => [m[1], m[2]]),
    );
    // every class-validator decorator the inputs use, as the reason format-error derives from it
    for (const file of walk(path.join(root, 'server'))) {
      const s = fs.readFileSync(file, 'utf8');
      for (const m of s.matchAll(/import\s*\{([^}]+)\}\s*from\s*'class-validator'/g))
        for (const name of m[1].split(',').map((x) => x.trim())) {
          if (!/^[A-Z]/.test(name) || ['IsOptional', 'ValidationOptions', 'ValidationError'].includes(name))
            continue;
          const constraint =
            name === 'Length'
              ? 'isLength'
              : name === 'ValidateNested'
                ? 'nestedValidation'
                : name.charAt(0).toLowerCase() + name.slice(1);
          found.add(mapped[constraint] ?? toSnake(constraint).toUpperCase());
        }
    }
    return [...found].sort();
  }

  it('lists the codes from the server and translates each', async () => {
    const reasons = layerReasons();
    expect(reasons).toEqual(
      expect.arrayContaining(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'INVALID_FORMAT']),
    );
    // and what the server really answers to malformed requests
    const answers = await Promise.all(
      [
        ['{ households {', {}],
        ['mutation { deleteUser(id: "1") }', {}],
        ['query($n: Int) { households(first: $n) { totalCount } }', { n: 'many' }],
        ['{ households(first: -1) { totalCount } }', {}],
        ['query { a: me { id } } query { b: me { id } }', {}],
      ].map(([q, v]) => app.gql(q as string, v as any)),
    );
    const live = answers.flatMap((a) =>
      (a.errors ?? []).flatMap((e: any) => [
        e.extensions?.reason ?? e.extensions?.code,
        ...(e.extensions?.fields ?? []).map((f: any) => f.reason),
      ]),
    );
    expect(live).toEqual(expect.arrayContaining(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']));
    const all = [...new Set([...reasons, ...live])];
    expect(all.filter((r) => !ERROR_REASONS[r])).toEqual([]);
    for (const r of all) expect(ERROR_REASONS[r][0]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the console’s Chinese', () => {
  it('uses full-width punctuation next to Chinese characters (（元）, ：, ，)', () => {
    const files = [
      'admin/src/resources/config.ts',
      'admin/src/i18n/index.ts',
      'admin/src/i18n/errors.ts',
      'admin/src/i18n/ra-zh.ts',
      'admin/src/i18n/console-messages.ts',
    ];
    const ascii = /[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]/;
    const found: string[] = [];
    for (const f of files)
      for (const m of fs
        .readFileSync(path.join(root, f), 'utf8')
        .matchAll(/'([^'\n]*[\u4e00-\u9fff][^'\n]*)'/g))
        if (ascii.test(m[1])) found.push(`${f}: ${m[1]}`);
    expect(found).toEqual([]);
  });
});
