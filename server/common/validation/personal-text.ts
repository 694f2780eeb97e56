import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, type GraphQLInputType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { invalidInput } from '../errors';
import { idNumberCheckChar } from './id-number';

/**
 * Free text must not carry a person's numbers (issue #11's invariants: masking must not be bypassed
 * through a remark): an ID number (18 characters with a valid GB 11643-1999 check character, or a
 * 15-digit legacy number) or a mainland mobile number (1[3-9] and 9 digits), not run into other digits.
 */
const ID18 = /(?<![0-9Xx])(\d{17})([0-9Xx])(?![0-9Xx])/g;
const ID15 = /(?<!\d)\d{15}(?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** The stable reason for such text. */
export const PERSONAL_DATA_IN_TEXT = 'PERSONAL_DATA_IN_TEXT';

/** What personal number a text holds: `ID_NUMBER`, `MOBILE` or null. */
export function personalNumberIn(text: string): 'ID_NUMBER' | 'MOBILE' | null {
  for (const m of text.matchAll(ID18)) if (idNumberCheckChar(m[1]) === m[2].toUpperCase()) return 'ID_NUMBER';
  if (ID15.test(text)) return 'ID_NUMBER';
  if (MOBILE.test(text)) return 'MOBILE';
  return null;
}

/**
 * Input fields that ARE identifiers or secrets, not free text: ID and phone numbers (checked by their
 * own rules), codes and numbers of the register, usernames, passwords, tokens, cursors; and searches.
 */
const NOT_FREE_TEXT = /(idnumber|phone|mobile|code|number|username|password|token|key|cursor|after|before)$/i;
/** Searches, not stored text (an export's audited filter masks its personal values). */
const SEARCHES = new Set(['filter', 'q', 'where']);

/** The path of the first free-text String in a mutation argument that holds a personal number. */
function findPersonalText(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  name: string,
): { path: string; kind: 'ID_NUMBER' | 'MOBILE' } | null {
  if (value === null || value === undefined) return null;
  if (type instanceof GraphQLNonNull) return findPersonalText(value, type.ofType, path, name);
  if (type instanceof GraphQLList) {
    if (!Array.isArray(value)) return findPersonalText(value, type.ofType, path, name);
    for (let i = 0; i < value.length; i++) {
      const hit = findPersonalText(value[i], type.ofType, `${path}.${i}`, name);
      if (hit) return hit;
    }
    return null;
  }
  if (type instanceof GraphQLInputObjectType) {
    if (typeof value !== 'object') return null;
    for (const [key, field] of Object.entries(type.getFields())) {
      const hit = findPersonalText((value as any)[key], field.type, `${path}.${key}`, key);
      if (hit) return hit;
    }
    return null;
  }
  if (type.name !== 'String' || typeof value !== 'string' || NOT_FREE_TEXT.test(name) || SEARCHES.has(name))
    return null;
  const kind = personalNumberIn(value);
  return kind ? { path, kind } : null;
}

/**
 * The one check of free-text inputs, applied to every mutation's String arguments and input fields
 * (a global middleware): BAD_USER_INPUT/PERSONAL_DATA_IN_TEXT on the field. A rejected write runs
 * nothing, so it changes no row and leaves no audit event.
 */
export const PersonalTextCheck: MiddlewareFn = ({ info, args }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const field = info.parentType.getFields()[info.fieldName];
  for (const arg of field.args) {
    const hit = findPersonalText(args[arg.name], arg.type, arg.name, arg.name);
    if (hit)
      throw invalidInput([
        {
          field: hit.path,
          reason: PERSONAL_DATA_IN_TEXT,
          message:
            hit.kind === 'ID_NUMBER'
              ? 'free text may not contain an ID number: use the member’s own field'
              : 'free text may not contain a mobile number: use the household’s phone field',
        },
      ]);
  }
  return next();
};
