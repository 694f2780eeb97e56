// The floor: the benchmark's reads as hand-written SQL (one statement each, JSON built by PostgreSQL)
// behind a bare node:http server. POST /q {"op":"Q1","params":{…}} → {"data": …}.
// Usage: node bench/sql-server.mjs <url> <port>
import { createServer } from 'node:http';
import pg from 'pg';
import { operations } from './operations.mjs';

const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const { op, params } = JSON.parse(body);
      const spec = operations[op].sql;
      const { rows } = await pool.query(spec.text, spec.values(params));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: rows[0].data }));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(port), '127.0.0.1', () => console.log(`sql floor ready on ${port}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
