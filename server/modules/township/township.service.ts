import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { townshipKindOf } from '../../common/validation/division-code';
import { Township } from './township.entity';
import { TownshipKind } from './township.enums';

/** Townships: the code must be a township code of district 620402; the kind is derived from it. */
export class TownshipService extends CrudService<Township> {
  protected readonly entity = Township;

  protected async check(t: Township, m: EntityManager, before: Township | null): Promise<void> {
    const errors = new FieldErrors();
    const kind = townshipKindOf(t.code);
    if ('reason' in kind) errors.add('input.code', kind.reason, kind.message);
    else t.kind = kind.kind as TownshipKind;
    if (before && before.code !== t.code) {
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM village WHERE township_id = $1', [t.id]);
      if (n > 0)
        errors.add('input.code', 'DIVISION_CODE_IN_USE', 'villages carry this code; change them first');
    }
    errors.throwIfAny();
  }
}
