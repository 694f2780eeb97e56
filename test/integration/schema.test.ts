import fs from 'node:fs';
import { buildSchema as parseSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { emittedSchema, SCHEMA_FILE } from '../../server/app/emit-schema';
import { startTestApp, TestApp } from '../support/harness';

describe('schema and migrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ reference: false });
  });
  afterAll(() => app.close());

  it('schema.graphql is the schema emitted from the code (run `npm run schema:emit` after changing it)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await emittedSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    const schema = parseSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('the migrations build exactly the schema the entities describe', async () => {
    const pending = await app.db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
