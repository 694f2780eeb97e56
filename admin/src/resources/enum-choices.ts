import enums from '../generated/enums.json';

/** Choices of a server enum for SelectInput: `{ id: 'ILLNESS', name: 'enums.RiskType.ILLNESS' }`. */
export const enumChoices = (name: string) =>
  Object.keys((enums as Record<string, Record<string, string>>)[name] ?? {}).map((id) => ({
    id,
    name: `enums.${name}.${id}`,
  }));
