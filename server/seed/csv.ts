import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../common/paths';

/** Reads one of the bundled reference CSVs (simple: no quoted commas) into objects keyed by header. */
export function readCsv(name: string): Record<string, string>[] {
  const file = path.join(projectRoot(), 'server', 'seed', 'data', name);
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? '').trim()]));
  });
}
