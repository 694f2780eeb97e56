import fs from 'node:fs';
import path from 'node:path';

let root: string | null = null;

/** The repository root (the folder whose package.json is this workspace), from source or from dist/. */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces) return (root = dir);
  }
  throw new Error('project root not found above ' + __dirname);
}
