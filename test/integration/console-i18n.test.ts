import fs from 'node:fs';
import path from 'node:path';
import { ERROR_REASONS } from '../../admin/src/i18n/errors';
import english from 'ra-language-english';
import { emittedEnums, ENUMS_FILE } from '../../server/app/emit-schema';
import { raChinese } from '../../admin/src/i18n/ra-zh';

type Messages = { [key: string]: string | Messages };
const keys = (o: Messages, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));

/** Every reason the server can give: literal reasons in AppErrors, field errors and password rules. */
function serverReasons(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [path.join(dir, e.name)]
            : [],
      );
  for (const file of walk(path.join(__dirname, '../../server'))) {
    const s = fs.readFileSync(file, 'utf8');
    for (const re of [
      /new AppError\(\s*'[A-Z_]+',\s*'([A-Z0-9_]+)'/g,
      /\.add\(\s*[^,]+,\s*'([A-Z0-9_]+)'/g,
      /reason: '([A-Z0-9_]+)'/g,
    ])
      for (const m of s.matchAll(re)) found.add(m[1]);
  }
  return [...found].filter((r) => !r.endsWith('_NOT_FOUND') || r === 'REFERENCE_NOT_FOUND').sort();
}

describe('console translations', () => {
  it('say every reason the server gives, in Chinese and English', () => {
    const reasons = serverReasons();
    expect(reasons.length).toBeGreaterThan(60);
    expect(reasons.filter((r) => !ERROR_REASONS[r])).toEqual([]);
  });

  it('translate every react-admin 5 message into Chinese', () => {
    const zh = new Set(keys(raChinese));
    expect(keys(english as unknown as Messages).filter((k) => !zh.has(k))).toEqual([]);
  });

  it('ship the enum labels emitted from the server (run `npm run schema:emit` after changing enums)', async () => {
    expect(fs.readFileSync(ENUMS_FILE, 'utf8')).toBe(await emittedEnums());
  });
});
