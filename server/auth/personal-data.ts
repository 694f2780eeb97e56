import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config/config';
import { logger } from '../common/logger';

/**
 * Personal data at rest (DESIGN §7): ID numbers and phone numbers are stored encrypted with
 * AES-256-GCM (authenticated: a changed ciphertext fails to decrypt) and looked up through an
 * HMAC-SHA256 keyed hash. Both keys derive (HKDF-SHA256) from one 32-byte data key:
 * `DATA_KEY` (base64) or the file `DATA_KEY_FILE` (default: `data-key` next to the embedded
 * database's folder), generated there on the first start. Losing the key loses the data.
 */
interface Keys {
  encryption: Buffer;
  lookup: Buffer;
}

let keys: Keys | null = null;

function keyFile(): string {
  if (process.env.DATA_KEY_FILE) return process.env.DATA_KEY_FILE;
  const dir = config.pgliteDataDir.startsWith('memory://')
    ? path.resolve('data')
    : path.dirname(config.pgliteDataDir);
  return path.join(dir, 'data-key');
}

function masterKey(): Buffer {
  if (process.env.DATA_KEY) {
    const key = Buffer.from(process.env.DATA_KEY, 'base64');
    if (key.length !== 32)
      throw new Error('DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  // Tests use a throw-away key per process (each test file has its own fresh database).
  if (config.env === 'test') return randomBytes(32);
  const file = keyFile();
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (config.env === 'production' && config.databaseUrl)
    throw new Error('DATA_KEY (or DATA_KEY_FILE) is required in production with PostgreSQL');
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  logger.warn({ file }, 'generated a new data key for personal data: keep this file safe and backed up');
  return key;
}

function dataKeys(): Keys {
  if (!keys) {
    const master = masterKey();
    keys = {
      encryption: Buffer.from(
        hkdfSync('sha256', master, Buffer.alloc(0), 'baiyin personal-data encryption', 32),
      ),
      lookup: Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'baiyin personal-data lookup', 32)),
    };
  }
  return keys;
}

/** `v1.` + base64(12-byte IV ‖ 16-byte GCM tag ‖ ciphertext). */
export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKeys().encryption, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The plaintext of `encrypt`; throws when the value was altered or another key encrypted it. */
export function decrypt(stored: string): string {
  if (!stored.startsWith('v1.')) throw new Error('not an encrypted value');
  const raw = Buffer.from(stored.slice(3), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', dataKeys().encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed hash (HMAC-SHA256, hex) for exact-match lookup of an encrypted value. */
export function lookupHash(value: string): string {
  return createHmac('sha256', dataKeys().lookup).update(value).digest('hex');
}

/** TypeORM column transformer: encrypted in the database, plaintext on the entity. */
export const encrypted = {
  to: (value: string | null | undefined) => (value === null || value === undefined ? value : encrypt(value)),
  from: (value: string | null | undefined) =>
    value === null || value === undefined ? value : decrypt(value),
};

/** `620402********1234`: the region code and the last four characters (DESIGN §7). */
export function maskIdNumber(v: string): string {
  return v.length === 18 ? `${v.slice(0, 6)}********${v.slice(14)}` : '*'.repeat(v.length);
}

/** `139****5678`. */
export function maskPhone(v: string): string {
  return v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '*'.repeat(v.length);
}

/** `张**`: the surname only. */
export function maskName(v: string): string {
  const chars = [...v];
  return chars.length ? chars[0] + '*'.repeat(Math.max(1, chars.length - 1)) : v;
}
