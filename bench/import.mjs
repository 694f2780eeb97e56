// Import throughput of the asset ledger (issue: 10,000 rows well under a minute): builds a workbook of
// N assets in the import format, then times the dry run, the import and a second import of the same
// file (which must change nothing). `npm run bench:import -- [rows]`; embedded database by default,
// BENCH_DATABASE_URL=postgres://… for a fresh database on a PostgreSQL server.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import pg from 'pg';

const require = createRequire(import.meta.url);
process.env.NODE_ENV ||= 'test';
require('reflect-metadata');
const { openDatabase } = require('../dist/server/database/data-source.js');
const { seedReference } = require('../dist/server/seed/reference.js');
const { runAs, SYSTEM } = require('../dist/server/auth/actor.js');
const { AssetService } = require('../dist/server/modules/asset/asset.service.js');
const { AssetExcelService, ASSET_COLUMNS } = require('../dist/server/modules/asset/asset-excel.js');

const rows = Number(process.argv[2] ?? 10000);
let url;
if (process.env.BENCH_DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS registry_bench_import WITH (FORCE)');
  await admin.query('CREATE DATABASE registry_bench_import');
  await admin.end();
  url = Object.assign(new URL(process.env.BENCH_DATABASE_URL), {
    pathname: '/registry_bench_import',
  }).toString();
}
const db = await openDatabase({ url, pgliteDataDir: 'memory://' });
await seedReference(db);
const [village] = await db.query(
  `SELECT code FROM village WHERE committee_type = 'VILLAGE' ORDER BY code LIMIT 1`,
);
const [department] = await db.query('SELECT name FROM department ORDER BY code LIMIT 1');

const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('资产台账');
sheet.addRow(ASSET_COLUMNS.map((c) => c.header));
for (let i = 0; i < rows; i++) {
  const cells = {
    资产编号: `BENCH-${i}`,
    资产名称: `村级道路${i}`,
    资产类别: '公益性资产',
    资产类型: '道路交通',
    项目名称: '巩固衔接道路项目',
    项目年度: 2019 + (i % 6),
    所在村代码: village.code,
    行业主管部门: department.name,
    产权归属层级: '村集体',
    产权所有者: '村股份经济合作社',
    '中央财政衔接资金(元)': 100000 + i,
    '区级财政资金(元)': 2000.5,
    受益户数: 10,
    受益人数: 30,
  };
  sheet.addRow(ASSET_COLUMNS.map((c) => cells[c.header] ?? null));
}
const file = Buffer.from(await book.xlsx.writeBuffer());
// The same assets with every row changed (name and one funding amount): the update import.
const edited = new ExcelJS.Workbook();
const editedSheet = edited.addWorksheet('资产台账');
sheet.eachRow((row, n) => {
  const values = row.values.slice(1);
  if (n > 1) {
    values[ASSET_COLUMNS.findIndex((c) => c.header === '资产名称')] += '（改）';
    values[ASSET_COLUMNS.findIndex((c) => c.header === '区级财政资金(元)')] = 3000.25;
  }
  editedSheet.addRow(values);
});
const changedFile = Buffer.from(await edited.xlsx.writeBuffer());
const excel = new AssetExcelService(db, new AssetService(db));
const time = async (label, dryRun, body = file) => {
  const started = process.hrtime.bigint();
  const report = await runAs(SYSTEM, () => excel.import(body, 'xlsx', dryRun));
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  if (report.problems.length) throw new Error(JSON.stringify(report.problems.slice(0, 3)));
  console.log(
    `${label.padEnd(22)} ${s.toFixed(2)} s  ${Math.round(rows / s).toLocaleString('en')} rows/s  (created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged})`,
  );
};
console.log(
  `asset import, ${rows.toLocaleString('en')} rows (${(file.length / 1024).toFixed(0)} KiB .xlsx), ${url ? 'PostgreSQL' : 'embedded PGlite'}`,
);
await time('dry run', true);
await time('import', false);
await time('same file again', false);
await time('update dry run', true, changedFile);
await time('update (every row)', false, changedFile);
await db.dataSource.destroy();
