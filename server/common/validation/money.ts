import { registerDecorator, ValidationOptions } from 'class-validator';

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** True for a money amount in yuan: non-negative, at most 12 integer digits and 2 decimals (numeric(14,2)). */
export function isMoney(value: unknown): boolean {
  return typeof value === 'string' && MONEY.test(value);
}

/** class-validator rule: yuan, ≥ 0, at most 2 decimals (constraint name `isMoney`). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be yuan ≥ 0 with at most 2 decimals, e.g. "1200.50"', ...options },
      validator: { validate: (value: unknown) => value === null || value === undefined || isMoney(value) },
    });
}
