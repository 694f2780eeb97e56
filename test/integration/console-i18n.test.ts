import fs from 'node:fs';
import path from 'node:path';
import { ERROR_REASONS } from '../../admin/src/i18n/errors';
import english from 'ra-language-english';
import { emittedEnums, ENUMS_FILE } from '../../server/app/emit-schema';
import { raChinese } from '../../admin/src/i18n/ra-zh';
import { i18nProvider } from '../../admin/src/i18n';
import { entityLabel, operationLabel } from '../../admin/src/resources/audit-labels';
import { entities } from '../../server/database/entities';

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

/** Every operation the server writes to the audit trail: each mutation (the write's collector) and each literal one. */
function auditOperations(): string[] {
  const schema = fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
  const body = /^type Mutation \{\n([\s\S]*?)^\}/m.exec(schema)![1];
  const found = new Set([...body.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1]));
  for (const file of serverFiles()) {
    const s = fs.readFileSync(file, 'utf8');
    for (const m of s.matchAll(/operation: (?:duplicate \? )?'(\w+)'(?: : '(\w+)')?(?! \|)/g))
      for (const op of m.slice(1)) if (op) found.add(op);
  }
  return [...found].sort();
}

/** Every object type of the audit trail: each entity class and each literal entity name. */
function auditEntities(): string[] {
  const found = new Set<string>(entities.map((e: Function) => e.name));
  found.add('Session');
  for (const file of serverFiles())
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:entity: |after\()'(\w+)'/g)) found.add(m[1]);
  return [...found].sort();
}

function serverFiles(dir = path.join(__dirname, '../../server')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.name === 'node_modules'
        ? []
        : e.isDirectory()
          ? serverFiles(path.join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [path.join(dir, e.name)]
            : [],
    );
}

describe('console translations', () => {
  it('say every audit operation and object type the server writes, in Chinese and English', async () => {
    const ops = auditOperations();
    expect(ops).toEqual(expect.arrayContaining(['submitProgressReport', 'importAssets', 'loginFailed']));
    const types = auditEntities();
    expect(types).toEqual(expect.arrayContaining(['ProgressReport', 'PlanIndicator', 'AssetFunding']));
    for (const locale of ['zh', 'en']) {
      await i18nProvider.changeLocale(locale);
      const t = i18nProvider.translate;
      expect({ locale, raw: ops.filter((op) => operationLabel(op, t) === op) }).toEqual({ locale, raw: [] });
      expect({ locale, raw: types.filter((e) => entityLabel(e, t) === e) }).toEqual({ locale, raw: [] });
      if (locale === 'zh')
        expect(ops.filter((op) => /[A-Za-z]/.test(operationLabel(op, t).replace(/API/g, '')))).toEqual([]);
    }
    await i18nProvider.changeLocale('zh');
  });

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
