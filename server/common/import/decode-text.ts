import iconv from 'iconv-lite';

/** The encodings a clerk's text file (CSV) is read in, as an import report names them. */
export type TextEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes an uploaded text file (issue #12, fault 6: Excel on a Chinese Windows saves "CSV" as GBK).
 * The rule: a UTF-16 byte-order mark → UTF-16; valid UTF-8, with or without its BOM → UTF-8;
 * anything else → GB18030, the superset of GBK and GB2312 that every byte sequence Excel writes
 * decodes in. (A statistical guess such as chardet misreads short GBK texts, so none is made: a
 * Chinese text in GBK is practically never valid UTF-8.) The BOM is not part of the text. Every
 * import of a text file calls this one function and reports the encoding it names.
 */
export function decodeTextFile(file: Buffer): { text: string; encoding: TextEncoding } {
  if (file.length >= 2 && file[0] === 0xff && file[1] === 0xfe)
    return { text: iconv.decode(file.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (file.length >= 2 && file[0] === 0xfe && file[1] === 0xff)
    return { text: iconv.decode(file.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  const bom = file.length >= 3 && file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf;
  try {
    const text = strictUtf8.decode(bom ? file.subarray(3) : file);
    return { text, encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' };
  } catch {
    return { text: iconv.decode(file, 'gb18030'), encoding: 'GB18030' };
  }
}
