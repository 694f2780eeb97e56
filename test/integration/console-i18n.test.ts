import fs from 'node:fs';
import english from 'ra-language-english';
import { emittedEnums, ENUMS_FILE } from '../../server/app/emit-schema';
import { raChinese } from '../../admin/src/i18n/ra-zh';

type Messages = { [key: string]: string | Messages };
const keys = (o: Messages, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));

describe('console translations', () => {
  it('translate every react-admin 5 message into Chinese', () => {
    const zh = new Set(keys(raChinese));
    expect(keys(english as unknown as Messages).filter((k) => !zh.has(k))).toEqual([]);
  });

  it('ship the enum labels emitted from the server (run `npm run schema:emit` after changing enums)', async () => {
    expect(fs.readFileSync(ENUMS_FILE, 'utf8')).toBe(await emittedEnums());
  });
});
