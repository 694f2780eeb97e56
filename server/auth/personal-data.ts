import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MiddlewareFn, UseMiddleware } from 'type-graphql';
import { config } from '../config/config';
import { logger } from '../common/logger';
import { Actor, currentActor, seesPersonalData } from './actor';

/**
 * Personal data at rest (README: accounts, roles and personal data): ID numbers and phone numbers are stored encrypted with
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

/**
 * `620402***********4`: the region code and the check character only (README: accounts, roles and personal data, issue #11 fault 1).
 * Region, birth year-month and sex known, the day (28–31), the 500 sequence numbers of that sex and
 * the check character leave more than 1,000 candidates; any more digits shown would leave fewer.
 */
export function maskIdNumber(v: string): string {
  return v.length === 18 ? `${v.slice(0, 6)}${'*'.repeat(11)}${v.slice(17)}` : '*'.repeat(v.length);
}

/** `139****5678`. */
export function maskPhone(v: string): string {
  return v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '*'.repeat(v.length);
}

/** `张**`: the surname only, and always two stars, so the mask tells nothing of the name's length. */
export function maskName(v: string): string {
  const chars = [...v];
  return chars.length ? `${chars[0]}**` : v;
}

/**
 * Kinds of personal data (README: accounts, roles and personal data). NAME, PHONE, ADDRESS and BIRTH_MONTH are shown in clear to the
 * roles that see personal data (seesPersonalData) and masked for the others; ID_NUMBER is masked for
 * everyone (the full number only through the audited `revealIdNumber`); BIRTH_DATE is never shown
 * (with the sex and the masked number it would narrow the ID number to 500 candidates).
 */
export type PersonalKind =
  | 'NAME'
  | 'ID_NUMBER'
  | 'PHONE'
  | 'ADDRESS'
  | 'BIRTH_DATE'
  | 'BIRTH_MONTH'
  /** Sensitive sector data (assistance, disability, schooling: issue #16): null for masked roles. */
  | 'SENSITIVE'
  /** Remarks about a household (trigger reasons, findings, reasons): `***` for roles without personal data. */
  | 'FREE_TEXT';

/** What roles without personal data see of a free-text remark. */
export const MASKED_TEXT = '***';

export interface PersonalField {
  kind: PersonalKind;
  /** The value is personal only on rows where this holds (an asset's owner is a person only on household assets). */
  when?: (row: Record<string, any>) => boolean;
  /** Other properties `when` reads (loaded with the field on list pages). */
  needs?: string[];
}

const declared = new Map<Function, Map<string, PersonalField>>();
const declaredByName = new Map<string, Map<string, PersonalField>>();

/** Whether the kind is refused as a filter, `q` or sort key for this actor. */
export function personalHiddenFrom(kind: PersonalKind, actor: Actor): boolean {
  return kind === 'BIRTH_DATE' || !seesPersonalData(actor);
}

/** What `actor` may read of a personal value (masked, or null). */
export function shownValue(field: PersonalField, value: unknown, row: object, actor: Actor): unknown {
  if (value === null || value === undefined) return value;
  if (field.when && !field.when(row as Record<string, any>)) return value;
  const text = String(value);
  if (field.kind === 'ID_NUMBER') return maskIdNumber(text);
  if (field.kind === 'BIRTH_DATE') return null;
  if (seesPersonalData(actor)) return value;
  if (field.kind === 'FREE_TEXT') return Array.isArray(value) ? value.map(() => MASKED_TEXT) : MASKED_TEXT;
  switch (field.kind) {
    case 'NAME':
      return maskName(text);
    case 'PHONE':
      return maskPhone(text);
    default:
      return null;
  }
}

/** What the audit trail stores of a personal value: masked whoever wrote it (auditors see no personal data). */
export function auditedValue(field: PersonalField, value: unknown, row: object): unknown {
  if (value === null || value === undefined) return value;
  if (field.when && !field.when(row as Record<string, any>)) return value;
  // Free text holds no ID or mobile number (refused on input, common/validation/personal-text.ts).
  if (field.kind === 'FREE_TEXT') return value;
  const text = String(value);
  switch (field.kind) {
    case 'ID_NUMBER':
      // The region only: the trail keeps rows for years, beside birth months and sexes.
      return `${text.slice(0, 6)}${'*'.repeat(Math.max(0, text.length - 6))}`;
    case 'NAME':
      return maskName(text);
    case 'PHONE':
      return maskPhone(text);
    case 'BIRTH_DATE':
    case 'BIRTH_MONTH':
      // Not even the month: with the sex and region it narrows the number (issue #11's invariant).
      return null;
    default:
      return '***';
  }
}

/** Declared personal fields of an entity (by class or by entity name). */
export function personalFieldsOf(entity: Function | string): ReadonlyMap<string, PersonalField> {
  return (typeof entity === 'string' ? declaredByName.get(entity) : declared.get(entity)) ?? new Map();
}

/**
 * Declares an entity property personal data, once, next to its column: the GraphQL field is masked
 * for the roles that may not see it, and the declaration is what filters, `q`, sorting, cursors,
 * exports and the audit trail consult (sql-builder, lister, audit, asset-excel).
 */
export function Personal(kind: PersonalKind, options: Omit<PersonalField, 'kind'> = {}): PropertyDecorator {
  return (target, property) => {
    const entity = target.constructor;
    const field: PersonalField = { kind, ...options };
    for (const [map, key] of [
      [declared, entity],
      [declaredByName, entity.name],
    ] as const) {
      const fields = (map as Map<unknown, Map<string, PersonalField>>).get(key) ?? new Map();
      fields.set(String(property), field);
      (map as Map<unknown, Map<string, PersonalField>>).set(key, fields);
    }
    // The GraphQL field, when there is one, shows what the caller may read.
    const mask: MiddlewareFn = async ({ root }, next) =>
      shownValue(field, await next(), root as object, currentActor());
    UseMiddleware(mask)(target, property);
  };
}
