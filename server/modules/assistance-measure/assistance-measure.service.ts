import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import { FieldErrors } from '../../common/errors';
import { checkHappenedOn } from '../../common/validation/happened-on';
import { MeasureStatus } from './assistance-measure.enums';
import { AssistanceMeasure } from './assistance-measure.entity';

/**
 * Assistance measures. Rules: exactly one target (household, village or relocation site: TARGET_COUNT),
 * end date on or after the start (END_BEFORE_START), the beneficiary is a member of the household
 * (BENEFICIARY_NOT_IN_HOUSEHOLD), the monitoring case is the household's (CASE_NOT_OF_HOUSEHOLD).
 * A measure under way or completed has started (its start date is a fact: FUTURE_DATE), a completed
 * one has ended; a planned measure's dates are plans and may lie ahead.
 */
export class AssistanceMeasureService extends CrudService<AssistanceMeasure> {
  protected readonly entity = AssistanceMeasure;

  protected async check(x: AssistanceMeasure, m: EntityManager): Promise<void> {
    const errors = new FieldErrors();
    const targets = [x.householdId, x.villageId, x.relocationSiteId].filter(
      (t) => t !== null && t !== undefined,
    );
    if (targets.length !== 1) {
      errors.add(
        'input.householdId',
        'TARGET_COUNT',
        'give exactly one of householdId, villageId, relocationSiteId',
      );
    }
    if (x.status === MeasureStatus.IN_PROGRESS || x.status === MeasureStatus.COMPLETED)
      checkHappenedOn(errors, 'input.startDate', x.startDate);
    if (x.status === MeasureStatus.COMPLETED) checkHappenedOn(errors, 'input.endDate', x.endDate);
    if (x.endDate && x.startDate && x.endDate < x.startDate) {
      errors.add('input.endDate', 'END_BEFORE_START', 'the end date is before the start date');
    }
    if (x.beneficiaryMemberId !== null && x.beneficiaryMemberId !== undefined) {
      const [member] = await m.query('SELECT household_id FROM household_member WHERE id = $1', [
        x.beneficiaryMemberId,
      ]);
      if (!member) errors.add('input.beneficiaryMemberId', 'REFERENCE_NOT_FOUND', 'no such member');
      else if (member.household_id !== x.householdId) {
        errors.add(
          'input.beneficiaryMemberId',
          'BENEFICIARY_NOT_IN_HOUSEHOLD',
          'the member is not in the measure’s household',
        );
      }
    }
    if (x.monitoringCaseId !== null && x.monitoringCaseId !== undefined) {
      const [c] = await m.query('SELECT household_id FROM monitoring_case WHERE id = $1', [
        x.monitoringCaseId,
      ]);
      if (!c) errors.add('input.monitoringCaseId', 'REFERENCE_NOT_FOUND', 'no such monitoring case');
      else if (c.household_id !== x.householdId) {
        errors.add(
          'input.monitoringCaseId',
          'CASE_NOT_OF_HOUSEHOLD',
          'the case is not the measure’s household’s',
        );
      }
    }
    errors.throwIfAny();
  }
}
