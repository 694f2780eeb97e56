/**
 * `npm run migration:generate -- <CamelCaseIntent>`: applies the existing migrations to a fresh
 * in-memory embedded database, asks TypeORM for the SQL that would bring it to the entities, and
 * writes it as `migrations/<timestamp>-<intent>.ts` to be read before committing. With `--check`
 * it writes nothing and exits 1 when entities and migrations differ.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createDataSource } from './data-source';

function escape(sql: string): string {
  return sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const name = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!check && !(name && /^[A-Z][A-Za-z0-9]+$/.test(name))) {
    throw new Error('usage: migration:generate -- <CamelCaseIntent>');
  }
  const ds = createDataSource({ url: process.env.DATABASE_URL, pgliteDataDir: 'memory://' });
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (check) {
    if (sql.upQueries.length) {
      console.error(`entities and migrations differ:\n${sql.upQueries.map((q) => q.query).join(';\n')}`);
      process.exit(1);
    }
    console.log('migrations match the entities');
    return;
  }
  if (!sql.upQueries.length) {
    console.log('no changes');
    return;
  }
  const ts = Date.now();
  const line = (q: { query: string; parameters?: unknown[] }) =>
    `    await queryRunner.query(\`${escape(q.query)}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
  const file = path.resolve(__dirname, '..', '..', '..', 'migrations', `${ts}-${name}.ts`);
  fs.writeFileSync(file, body);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${sql.upQueries.length} statements)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
