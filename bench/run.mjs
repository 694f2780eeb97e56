// `npm run bench -- [--size smoke|city|<households>] [--duration <s>]`
// Prepares (or reuses) a PostgreSQL database of the given size, starts this server (production
// settings), PostGraphile 5 and the hand-written-SQL floor on it, checks that the three return the same
// rows, then loads each operation at concurrency 1 and 32 with autocannon and prints a table per
// operation with ratios; writes it to bench/results/. Also prints start time, seed throughput and the
// server's peak resident memory. Traffic goes to 127.0.0.1 only; every run is bounded in time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { M1, operations, pickParameters } from './operations.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { size: { type: 'string', default: 'smoke' }, duration: { type: 'string' } },
});
const SIZES = { smoke: 2000, city: 200000 };
const households = SIZES[values.size] ?? Number(values.size);
if (!Number.isInteger(households) || households < 100)
  throw new Error('--size must be smoke, city or a number ≥ 100');
const duration = Number(values.duration ?? (households <= 5000 ? 1.5 : 10));
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `registry_bench_${households}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();
const resultsDir = path.join(root, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const out = [];
const log = (line = '') => {
  console.log(line);
  out.push(line);
};
const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

async function prepareDatabase() {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount > 0;
  let count = -1;
  if (exists) {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    count = await c.query('SELECT count(*)::int AS n FROM household').then(
      (r) => r.rows[0].n,
      () => -1,
    );
    await c.end();
  }
  const seedFile = path.join(resultsDir, `seed-${households}.json`);
  if (count === households) {
    const seeded = fs.existsSync(seedFile) ? JSON.parse(fs.readFileSync(seedFile, 'utf8')) : null;
    log(
      `database ${dbName}: reused (${count} households)${seeded ? `; seeded earlier at ${seeded.rate} households/s (${seeded.seconds} s)` : ''}`,
    );
    await admin.end();
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  log(`database ${dbName}: seeding ${households} households …`);
  const seed = spawnSync('node', ['dist/server/seed/cli.js', '--households', String(households)], {
    cwd: root,
    env: { ...process.env, ...BENCH_ENV, DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stdout}`);
  const line = seed.stdout.trim().split('\n').pop();
  const m = /in ([\d.]+) s \((\d+) households\/s\)/.exec(line);
  log(`  ${line}`);
  if (m)
    fs.writeFileSync(seedFile, JSON.stringify({ households, seconds: Number(m[1]), rate: Number(m[2]) }));
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query('ANALYZE');
  await c.end();
}

async function waitFor(url, body, timeoutMs = 60000) {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(
        url,
        body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {},
      );
      if (res.status) return Date.now() - started;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function start(name, args, env = {}) {
  const child = spawn('node', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (d) => process.env.BENCH_VERBOSE && process.stderr.write(`[${name}] ${d}`));
  children.push(child);
  return child;
}

/**
 * The API needs a signed-in user and a data key for the encrypted ID numbers. Both are for this
 * synthetic benchmark database only: a fixed key (the seed and the server must share it) and an
 * administrator whose first password is changed on the first run.
 */
const BENCH_ENV = { DATA_KEY: Buffer.alloc(32, 'benchmark-only').toString('base64') };
const FIRST_PASSWORD = 'Bench-First-2026';
const BENCH_PASSWORD = 'Bench-Second-2026';
let token = '';

async function signIn() {
  const call = async (query, variables, auth) =>
    await fetch(targets.ours.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json());
  const login = (p) =>
    call('mutation($p: String!) { login(input: { username: "admin", password: $p }) { token } }', { p });
  let res = await login(BENCH_PASSWORD);
  if (res.errors) {
    res = await login(FIRST_PASSWORD);
    if (res.errors) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
    await call(
      'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { id } }',
      { c: FIRST_PASSWORD, n: BENCH_PASSWORD },
      res.data.login.token,
    );
  }
  token = res.data.login.token;
}

const headersOf = (target) => ({
  'content-type': 'application/json',
  ...(target === 'ours' ? { authorization: `Bearer ${token}` } : {}),
});

const targets = {
  ours: { name: 'this API', url: 'http://127.0.0.1:4701/graphql' },
  pgl: { name: 'PostGraphile 5', url: 'http://127.0.0.1:4702/graphql' },
  sql: { name: 'SQL floor', url: 'http://127.0.0.1:4703/q' },
};

function body(target, op, params) {
  if (target === 'sql') return JSON.stringify({ op, params });
  return JSON.stringify(operations[op][target](params));
}

async function fetchData(target, op, params) {
  const res = await fetch(targets[target].url, {
    method: 'POST',
    headers: headersOf(target),
    body: body(target, op, params),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`${target} ${op}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data;
}

/** One request to this API as the current token's caller; the parsed body. */
async function fetchJson(url, payload) {
  const res = await fetch(url, { method: 'POST', headers: headersOf('ours'), body: JSON.stringify(payload) });
  const json = await res.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 300));
  return json;
}

async function load(url, connections, requestBody, extra = {}) {
  const target = Object.keys(targets).find((t) => targets[t].url === url);
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: headersOf(target),
        body: requestBody,
        ...extra,
        onResponse: (status, resBody, context) => {
          if (resBody && resBody.includes('"errors"')) graphqlErrors++;
          extra.onResponse?.(status, resBody, context);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}

const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Number(x).toFixed(d));

async function main() {
  log(`# Benchmark: ${households} households, ${duration} s per run, ${new Date().toISOString()}`);
  log(
    `machine: ${process.platform} ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
  );
  await prepareDatabase();
  const t0 = Date.now();
  const ours = start('ours', ['dist/server/main.js'], {
    ...BENCH_ENV,
    ADMIN_PASSWORD: FIRST_PASSWORD,
    DATABASE_URL: dbUrl,
    NODE_ENV: 'production',
    PORT: '4701',
    DEMO_HOUSEHOLDS: '0',
    LOG_LEVEL: 'warn',
  });
  await waitFor('http://127.0.0.1:4701/health');
  const startMs = Date.now() - t0;
  await signIn();
  log(`this API: started in ${startMs} ms (migrations checked, reference data checked, schema built)`);
  start('pgl', ['--import', './bench/polyfill.mjs', 'bench/postgraphile-server.mjs', dbUrl, '4702'], {
    GRAPHILE_ENV: 'production',
  });
  start('sql', ['bench/sql-server.mjs', dbUrl, '4703']);
  await waitFor(targets.pgl.url, '{"query":"{__typename}"}');
  await waitFor(targets.sql.url, '{}');

  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const params = await pickParameters(pool);
  log(`parameters: ${JSON.stringify({ ...params, townships: params.townships.length })}`);
  const summary = [];
  for (const op of Object.keys(operations)) {
    const counts = {};
    for (const t of Object.keys(targets)) counts[t] = operations[op].rows[t](await fetchData(t, op, params));
    const same = new Set(Object.values(counts)).size === 1;
    log('');
    log(`## ${op}: ${operations[op].title}`);
    log(
      `rows returned: this API ${counts.ours}, PostGraphile ${counts.pgl}, SQL ${counts.sql} ${same ? '(equal)' : '(DIFFERENT)'}`,
    );
    log('| target | c | req/s | mean ms | p50 ms | p99 ms | errors |');
    log('| --- | --: | --: | --: | --: | --: | --: |');
    const r = {};
    for (const c of [1, 32]) {
      for (const t of Object.keys(targets)) {
        r[`${t}${c}`] = await load(targets[t].url, c, body(t, op, params));
        const x = r[`${t}${c}`];
        log(
          `| ${targets[t].name} | ${c} | ${fmt(x.rps)} | ${fmt(x.mean, 2)} | ${fmt(x.p50)} | ${fmt(x.p99)} | ${x.errors} |`,
        );
      }
    }
    const ratio = {
      throughputVsPgl1: r.ours1.rps / r.pgl1.rps,
      throughputVsPgl32: r.ours32.rps / r.pgl32.rps,
      // at concurrency 1 a request’s latency is 1 / throughput (autocannon’s ms histogram is too coarse below 1 ms)
      latencyVsFloor1: r.sql1.rps / r.ours1.rps,
    };
    log(
      `ratios: req/s this/PostGraphile c1 ${fmt(ratio.throughputVsPgl1, 2)}, c32 ${fmt(ratio.throughputVsPgl32, 2)}; mean latency this/floor c1 ${fmt(ratio.latencyVsFloor1, 2)}`,
    );
    summary.push({ op, same, ...ratio, ours1: r.ours1, ours32: r.ours32, pgl32: r.pgl32, sql1: r.sql1 });
  }

  // M1: each request updates the next household with the version it last saw.
  const ids = (await pool.query('SELECT id, version FROM household ORDER BY id LIMIT 20000')).rows;
  const versions = new Map(ids.map((h) => [String(h.id), h.version]));
  let next = 0;
  const m1 = {};
  log('');
  log(`## M1: ${M1.title} (this API only)`);
  log('| target | c | req/s | p50 ms | p99 ms | errors |');
  log('| --- | --: | --: | --: | --: | --: |');
  for (const c of [1, 32]) {
    m1[c] = await load(targets.ours.url, c, '{}', {
      setupRequest: (req, context) => {
        const h = ids[next++ % ids.length];
        context.id = String(h.id);
        return {
          ...req,
          body: JSON.stringify({
            query: M1.query,
            variables: { id: context.id, v: versions.get(context.id), a: `地址${next}` },
          }),
        };
      },
      onResponse: (status, resBody, context) => {
        const v = /"version":(\d+)/.exec(resBody ?? '');
        if (v) versions.set(context.id, Number(v[1]));
      },
    });
    log(`| this API | ${c} | ${fmt(m1[c].rps)} | ${fmt(m1[c].p50)} | ${fmt(m1[c].p99)} | ${m1[c].errors} |`);
  }

  // I1: the plan's indicators (issue #14 target: district ≤ 100 ms at c1), as the administrator and
  // as a township officer; the first request of each computes, the rest read the figures cached
  // until the next write.
  const I1 = JSON.stringify({
    query: '{ planIndicators { key value numerator denominator target status trend } }',
  });
  const officerName = `bench_t${Date.now() % 100000}`;
  const created = await fetchJson(targets.ours.url, {
    query: `mutation($u: String!, $t: ID!) { createUser(input: { username: $u, displayName: "基准乡镇", role: TOWNSHIP_OFFICER, townshipId: $t }) { oneTimePassword } }`,
    variables: { u: officerName, t: String(params.township) },
  });
  const adminToken = token;
  const first = created.data.createUser.oneTimePassword;
  const officerPassword = 'Bench-Officer-2026';
  token = (
    await fetchJson(targets.ours.url, {
      query: `mutation { login(input: { username: "${officerName}", password: "${first}" }) { token } }`,
    })
  ).data.login.token;
  await fetchJson(targets.ours.url, {
    query: `mutation { changePassword(input: { currentPassword: "${first}", newPassword: "${officerPassword}" }) { id } }`,
  });
  const officerToken = (
    await fetchJson(targets.ours.url, {
      query: `mutation { login(input: { username: "${officerName}", password: "${officerPassword}" }) { token } }`,
    })
  ).data.login.token;
  const i1 = {};
  log('');
  log('## I1: planIndicators, whole area (this API only)');
  log('| caller | first request ms | c | req/s | mean ms | p99 ms | errors |');
  log('| --- | --: | --: | --: | --: | --: | --: |');
  for (const [who, tk] of [
    ['administrator (district)', adminToken],
    ['township officer', officerToken],
  ]) {
    token = tk;
    const started = performance.now();
    await fetchJson(targets.ours.url, JSON.parse(I1));
    const firstMs = performance.now() - started;
    const x = await load(targets.ours.url, 1, I1);
    i1[who] = { firstMs, ...x };
    log(
      `| ${who} | ${fmt(firstMs, 1)} | 1 | ${fmt(x.rps)} | ${fmt(x.mean, 2)} | ${fmt(x.p99)} | ${x.errors} |`,
    );
  }
  token = adminToken;
  await pool.end();

  const status = fs.readFileSync(`/proc/${ours.pid}/status`, 'utf8');
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  log('');
  log('## Summary');
  log(`this API: start ${startMs} ms; peak resident memory ${(peak / 1024).toFixed(0)} MB`);
  log('| op | rows equal | req/s vs PostGraphile c1 | c32 | mean latency vs floor c1 | p99 c32 ms |');
  log('| --- | --- | --: | --: | --: | --: |');
  for (const s of summary) {
    log(
      `| ${s.op} | ${s.same ? 'yes' : 'NO'} | ${fmt(s.throughputVsPgl1, 2)} | ${fmt(s.throughputVsPgl32, 2)} | ${fmt(s.latencyVsFloor1, 2)} | ${fmt(s.ours32.p99)} |`,
    );
  }
  const file = path.join(resultsDir, `${values.size}-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  fs.writeFileSync(file, out.join('\n') + '\n');
  fs.writeFileSync(
    file.replace(/\.md$/, '.json'),
    JSON.stringify({ households, duration, startMs, peakMb: peak / 1024, summary, m1, i1 }, null, 1),
  );
  log(`\nwritten to ${path.relative(root, file)}`);
  const missing = summary.filter((s) => !s.same);
  process.exitCode = missing.length ? 1 : 0;
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => children.forEach((c) => c.kill('SIGTERM')));
