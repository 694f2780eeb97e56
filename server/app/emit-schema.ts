/** `npm run schema:emit`: writes the schema built from the code to schema.graphql (committed). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { enumLabels } from '../common/enums';
import { projectRoot } from '../common/paths';
import { buildAppSchema } from './schema';

export async function emittedSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return `# Emitted from the code by \`npm run schema:emit\`; do not edit. A test fails when it drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = path.join(projectRoot(), 'schema.graphql');

/** Chinese labels of every enum, for the console (admin/src/generated/enums.json). */
export const ENUMS_FILE = path.join(projectRoot(), 'admin', 'src', 'generated', 'enums.json');

export async function emittedEnums(): Promise<string> {
  await buildAppSchema();
  const all = Object.fromEntries([...enumLabels.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(all, null, 2)}\n`;
}

if (require.main === module) {
  Promise.all([emittedSchema(), emittedEnums()])
    .then(([text, enums]) => {
      fs.writeFileSync(SCHEMA_FILE, text);
      fs.mkdirSync(path.dirname(ENUMS_FILE), { recursive: true });
      fs.writeFileSync(ENUMS_FILE, enums);
      console.log(`wrote ${SCHEMA_FILE} and ${ENUMS_FILE}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
