// The comparison server: PostGraphile 5 (amber preset + connection-filter with relation filters) over
// the same database. Usage: node --import ./bench/polyfill.mjs bench/postgraphile-server.mjs <url> <port>
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const [url, port] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Amber exposes filters and orderBy only on indexed columns; the benchmark's columns are indexed,
  // relation filters need the connection-filter option.
  schema: { connectionFilterRelations: true, pgForbidSetofFunctionsToReturnNull: false },
  grafserv: { graphqlPath: '/graphql', graphiql: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
  pgServices: [makePgService({ connectionString: url, schemas: ['public'], poolConfig: { max: 10 } })],
};
const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`postgraphile ready on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
