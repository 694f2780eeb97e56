import { registerEnumType } from 'type-graphql';

/** Chinese labels of every registered enum value, by enum name (used by statistics labels and exports). */
export const enumLabels = new Map<string, Record<string, string>>();

/**
 * Registers a GraphQL enum whose every value carries its Chinese label (and national code, where the
 * glossary gives one) as its description (the national categories).
 */
export function defineEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  labels: { [K in keyof E]: string },
): E {
  const valuesConfig: Record<string, { description: string }> = {};
  for (const key of Object.keys(values)) valuesConfig[key] = { description: labels[key as keyof E] };
  registerEnumType(values, { name, description, valuesConfig: valuesConfig as any });
  enumLabels.set(name, labels as Record<string, string>);
  return values;
}
