import { ClassType, Field, getMetadataStorage, InputType } from 'type-graphql';

/**
 * Builds `Update<X>Input` from the shared fields of `Create<X>Input`: same fields and class-validator
 * rules (inherited), all optional. A field left out is unchanged; `null` clears a nullable field
 * (clearing a required one is refused by the service with REQUIRED).
 */
export function updateInputOf<T extends object>(
  fields: ClassType<T>,
  name: string,
  description: string,
): ClassType<Partial<T>> {
  @InputType(name, { description })
  class UpdateInput extends (fields as ClassType<object>) {}
  const storage = getMetadataStorage();
  const chain: Function[] = [];
  for (let c: any = fields; c && c !== Object && c !== Function.prototype; c = Object.getPrototypeOf(c))
    chain.push(c);
  for (const f of storage.fields.filter((x) => chain.includes(x.target))) {
    const type = f.getType;
    Field(() => (f.typeOptions.array ? [type()] : type()) as any, {
      nullable: true,
      description: f.description,
    })(UpdateInput.prototype, f.name);
  }
  return UpdateInput as ClassType<Partial<T>>;
}
