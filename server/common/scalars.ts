import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export { GraphQLDateTime as DateTimeScalar } from 'graphql-scalars';

const DECIMAL = /^-?\d{1,12}(\.\d{1,12})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates the registry accepts: 1900-01-01 … 2100-12-31 (birth dates of the oldest villagers to plan ends). */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

/** True when `value` is a real calendar date written `YYYY-MM-DD` within MIN_DATE … MAX_DATE. */
export function isRegistryDate(value: string): boolean {
  return isCalendarDate(value) && value >= MIN_DATE && value <= MAX_DATE;
}

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]); // not Date.UTC: it maps years 0–99 to 1900–1999
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw new GraphQLError(
      `Decimal must be a decimal number string such as "12345.60", got ${JSON.stringify(value)}`,
    );
  }
  return text;
}

/**
 * Exact decimal, carried as a string (`"12345.60"`) so money never passes through a float.
 * Money fields are yuan with at most 2 decimals (checked per field).
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'Exact decimal number as a string, e.g. "12345.60" (money: yuan, at most 2 decimals). 精确小数',
  serialize: (value) => (value === null || value === undefined ? value : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string such as "12345.60"');
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isRegistryDate(value)) {
    throw new GraphQLError(
      `Date must be a real calendar date YYYY-MM-DD between ${MIN_DATE} and ${MAX_DATE}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Calendar date without time zone, `YYYY-MM-DD`, kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date YYYY-MM-DD (no time zone), 1900-01-01 … 2100-12-31. 日期',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return value;
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});
