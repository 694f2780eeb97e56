/** `npm run schema:emit`: writes the schema built from the code to schema.graphql (committed). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../common/paths';
import { buildAppSchema } from './schema';

export async function emittedSchema(): Promise<string> {
  const schema = await buildAppSchema();
  return `# Emitted from the code by \`npm run schema:emit\`; do not edit. A test fails when it drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

export const SCHEMA_FILE = path.join(projectRoot(), 'schema.graphql');

if (require.main === module) {
  emittedSchema()
    .then((text) => {
      fs.writeFileSync(SCHEMA_FILE, text);
      console.log(`wrote ${SCHEMA_FILE}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
