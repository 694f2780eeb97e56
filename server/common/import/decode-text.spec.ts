import iconv from 'iconv-lite';
import { decodeTextFile } from './decode-text';

describe('decodeTextFile', () => {
  const text = '资产编号,资产名称\nA-1,𠮷村道路\n';
  it('reads UTF-8 with and without BOM, UTF-16 by its BOM, and everything else as GB18030', () => {
    expect(decodeTextFile(Buffer.from(text))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeTextFile(Buffer.from(`\uFEFF${text}`))).toEqual({ text, encoding: 'UTF-8 (BOM)' });
    expect(decodeTextFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]))).toEqual(
      {
        text,
        encoding: 'UTF-16LE',
      },
    );
    const gbk = iconv.encode('资产编号,资产名称\nA-1,村道路\n', 'gbk');
    expect(decodeTextFile(gbk)).toEqual({ text: '资产编号,资产名称\nA-1,村道路\n', encoding: 'GB18030' });
    expect(decodeTextFile(iconv.encode(text, 'gb18030')).text).toBe(text);
  });
});
