import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud/crud.service';
import type { Loaders } from '../../common/crud/loaders';
import { AppError, FieldErrors, invalidInput } from '../../common/errors';
import { hydrate } from '../../common/listing/lister';
import { duplicate } from '../../common/crud/db-errors';
import { parseIdNumber } from '../../common/validation/id-number';
import { lookupHash } from '../../auth/personal-data';
import { collectorOf } from '../../auth/audit';
import { HouseholdMember } from './household-member.entity';
import { Gender, HealthStatus, RelationToHead, SchoolStatus, WorkLocation } from './household-member.enums';
import type { HouseholdMemberFields } from './household-member.inputs';

/**
 * Household members. Rules: the ID number passes GB 11643-1999 (format, real birth date, check digit)
 * and gives gender and birth date; a disability grade goes with DISABLED and only with it; a household
 * with members has exactly one HEAD (first member added must be the head, the head is changed only by
 * `changeHouseholdHead`, and is removed last).
 */
export class HouseholdMemberService extends CrudService<HouseholdMember> {
  protected readonly entity = HouseholdMember;

  /** Fills defaults and derived fields of a member, adding every failed rule to `errors` under `path`. */
  validateMember(member: HouseholdMember, path: string, errors: FieldErrors): void {
    member.healthStatus ??= HealthStatus.HEALTHY;
    member.schoolStatus ??= SchoolStatus.NOT_IN_SCHOOL;
    member.workLocation ??= WorkLocation.NONE;
    member.workMonths ??= 0;
    member.disabilityGrade ??= null;
    const facts = parseIdNumber(member.idNumber ?? '');
    if ('reason' in facts) {
      errors.add(`${path}.idNumber`, facts.reason, facts.message);
    } else {
      member.idNumber = member.idNumber.toUpperCase();
      member.idNumberHash = lookupHash(member.idNumber);
      member.gender = facts.gender as Gender;
      member.birthDate = facts.birthDate;
      member.birthMonth = facts.birthDate.slice(0, 7);
    }
    if (member.healthStatus === HealthStatus.DISABLED && member.disabilityGrade === null) {
      errors.add(`${path}.disabilityGrade`, 'REQUIRED', 'a disabled member needs a disability grade 1–4');
    }
    if (member.healthStatus !== HealthStatus.DISABLED && member.disabilityGrade !== null) {
      errors.add(`${path}.disabilityGrade`, 'NOT_ALLOWED', 'only a DISABLED member has a disability grade');
    }
    if (member.workLocation === WorkLocation.NONE && member.workMonths > 0) {
      errors.add(`${path}.workMonths`, 'NOT_ALLOWED', 'a member who does not work has 0 work months');
    }
  }

  protected async check(
    member: HouseholdMember,
    m: EntityManager,
    before: HouseholdMember | null,
  ): Promise<void> {
    const errors = new FieldErrors();
    this.validateMember(member, 'input', errors);
    errors.throwIfAny();
    // Lock the household so concurrent member writes see each other's heads.
    const [household] = await m.query('SELECT id FROM household WHERE id = $1 FOR UPDATE', [
      member.householdId,
    ]);
    if (!household)
      throw invalidInput([
        { field: 'input.householdId', reason: 'REFERENCE_NOT_FOUND', message: 'no such household' },
      ]);
    const [{ heads }] = await m.query(
      `SELECT count(*)::int AS heads FROM household_member WHERE household_id = $1 AND relation_to_head = 'HEAD' AND id <> $2`,
      [member.householdId, member.id ?? 0],
    );
    const isHead = member.relationToHead === RelationToHead.HEAD;
    if (isHead && heads > 0) {
      errors.add(
        'input.relationToHead',
        'HEAD_ALREADY_EXISTS',
        'the household already has a head; use changeHouseholdHead',
      );
    }
    if (!isHead && heads === 0) {
      const reason =
        before?.relationToHead === RelationToHead.HEAD
          ? 'use changeHouseholdHead to hand over'
          : 'add the head first';
      errors.add(
        'input.relationToHead',
        'HEAD_REQUIRED',
        `a household with members needs exactly one head: ${reason}`,
      );
    }
    errors.throwIfAny();
  }

  protected async beforeDelete(member: HouseholdMember, m: EntityManager): Promise<void> {
    if (member.relationToHead !== RelationToHead.HEAD) return;
    const [{ n }] = await m.query(
      'SELECT count(*)::int AS n FROM household_member WHERE household_id = $1 AND id <> $2',
      [member.householdId, member.id],
    );
    if (n > 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        'HEAD_REQUIRED',
        'the head is removed last; hand over with changeHouseholdHead first',
        [{ field: 'id', reason: 'HEAD_REQUIRED', message: 'other members remain' }],
      );
    }
  }

  /**
   * Inserts the members given with a new household, in the caller's transaction. Exactly one of them
   * must be HEAD (reason HEAD_COUNT on `input.members`); each member's errors carry its index.
   */
  async createForHousehold(
    m: EntityManager,
    householdId: number,
    inputs: HouseholdMemberFields[],
  ): Promise<void> {
    if (!inputs.length) return;
    const errors = new FieldErrors();
    const members = inputs.map((input, i) => {
      const member = m.create(HouseholdMember, { ...input, householdId });
      this.validateMember(member, `input.members.${i}`, errors);
      return member;
    });
    const heads = members.filter((x) => x.relationToHead === RelationToHead.HEAD).length;
    if (heads !== 1)
      errors.add('input.members', 'HEAD_COUNT', `exactly one member must be HEAD, got ${heads}`);
    errors.throwIfAny();
    // ID numbers are unique in the register: name the member that repeats one (in the list or stored).
    const numbers = members.map((x) => x.idNumberHash);
    const stored = new Set(
      (
        await m.query('SELECT id_number_hash FROM household_member WHERE id_number_hash = ANY($1)', [numbers])
      ).map((r: any) => r.id_number_hash),
    );
    numbers.forEach((n, i) => {
      if (stored.has(n) || numbers.indexOf(n) !== i) {
        errors.add(`input.members.${i}.idNumber`, 'DUPLICATE', duplicate('').fields[0].message);
      }
    });
    if (errors.any)
      throw new AppError(
        'CONFLICT',
        'DUPLICATE',
        `an ID number is ${duplicate('').fields[0].message}`,
        errors.list,
      );
    const saved = await m.save(HouseholdMember, members);
    for (const x of saved) collectorOf(m)?.after('HouseholdMember', x.id, x);
  }

  /**
   * Makes `memberId` the head of its household; the former head takes `formerHeadRelation`.
   * NOT_FOUND for an unknown member; BAD_USER_INPUT/INVALID_RELATION when formerHeadRelation is HEAD.
   */
  async changeHead(memberId: string, formerHeadRelation: RelationToHead): Promise<HouseholdMember> {
    if (formerHeadRelation === RelationToHead.HEAD) {
      throw invalidInput([
        { field: 'formerHeadRelation', reason: 'INVALID_RELATION', message: 'must not be HEAD' },
      ]);
    }
    return this.write('write', async (m) => {
      const member = await this.lock(m, memberId);
      if (member.relationToHead === RelationToHead.HEAD) return member;
      await m.query('SELECT id FROM household WHERE id = $1 FOR UPDATE', [member.householdId]);
      const [former] = await m.query(
        `SELECT id FROM household_member WHERE household_id = $1 AND relation_to_head = 'HEAD' FOR UPDATE`,
        [member.householdId],
      );
      if (former) await this.lock(m, former.id);
      await m.query(
        `UPDATE household_member SET relation_to_head = $2, version = version + 1, updated_at = now()
          WHERE household_id = $1 AND relation_to_head = 'HEAD'`,
        [member.householdId, formerHeadRelation],
      );
      member.relationToHead = RelationToHead.HEAD;
      const saved = await m.save(HouseholdMember, member);
      // Both members' rows go to the audit trail.
      if (former) await this.reload(m, former.id);
      return this.reload(m, saved.id);
    });
  }

  /** The head of each household (null when it has no members), batched per request. */
  headOf(loaders: Loaders, householdId: number): Promise<HouseholdMember | null> {
    return loaders
      .custom<number, HouseholdMember | null>('householdHead', async (ids) => {
        const page = await this.db.query(
          `SELECT * FROM household_member WHERE household_id = ANY($1) AND relation_to_head = 'HEAD'`,
          [[...ids]],
        );
        const byHousehold = new Map(
          page.map((r) => [Number(r.household_id), hydrate<HouseholdMember>(this.meta, r)]),
        );
        return ids.map((id) => byHousehold.get(id) ?? null);
      })
      .load(householdId);
  }

  /** Member counts per household, batched. */
  countOf(loaders: Loaders, householdId: number): Promise<number> {
    return loaders.relatedCount(HouseholdMember, 'householdId', null).load(householdId);
  }
}
