import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { Department } from './department.entity';
import { DepartmentKind } from './department.enums';

/** Responsible units: a township government (kind TOWNSHIP) names its township; others do not. */
export class DepartmentService extends CrudService<Department> {
  protected readonly entity = Department;

  protected async check(d: Department): Promise<void> {
    const errors = new FieldErrors();
    if (d.kind === DepartmentKind.TOWNSHIP && d.townshipId === null) {
      errors.add('input.townshipId', 'REQUIRED', 'a township government must name its township');
    }
    if (d.kind !== DepartmentKind.TOWNSHIP && d.townshipId !== null) {
      errors.add('input.townshipId', 'NOT_ALLOWED', 'only units of kind TOWNSHIP name a township');
    }
    errors.throwIfAny();
  }
}
