import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, Relation } from 'typeorm';
import { encrypted, Personal } from '../../auth/personal-data';
import { BaseRecord } from '../../common/base.entity';
import { Household } from '../household/household.entity';
import {
  EducationLevel,
  Gender,
  HealthStatus,
  LaborCapacity,
  RelationToHead,
  SchoolStatus,
  WorkLocation,
} from './household-member.enums';

/** 家庭成员: a member of a household; the head is the member with relationToHead = HEAD. */
@ObjectType({ description: 'Household member. 家庭成员' })
@Entity()
@Unique('uq_household_member__id_number_hash', ['idNumberHash'])
@Index('uq_household_member__relation_to_head', ['householdId'], {
  unique: true,
  where: `"relation_to_head" = 'HEAD'`,
})
@Check('ck_household_member__work_months', '"work_months" BETWEEN 0 AND 12')
@Check(
  'ck_household_member__disability_grade',
  '"disability_grade" IS NULL OR "disability_grade" BETWEEN 1 AND 4',
)
export class HouseholdMember extends BaseRecord {
  @Field(() => ID, { description: 'Household. 所属户' })
  @Index('ix_household_member__household_id')
  @Column()
  householdId: number;

  @ManyToOne(() => Household, (h) => h.members, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_member__household_id' })
  household?: Relation<Household>;

  @Field({ description: 'Name; masked to the surname (`张**`) for roles without personal data. 姓名' })
  @Personal('NAME')
  @Index('ix_household_member__name')
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field({
    description:
      'Citizen ID number (GB 11643-1999), masked for everyone to the region code and the check character ' +
      '(`620402***********4`): personal data, stored encrypted; the full number only through ' +
      'revealIdNumber (audited). 居民身份证号',
  })
  @Personal('ID_NUMBER')
  @Column({ type: 'text', name: 'id_number_encrypted', transformer: encrypted })
  idNumber: string;

  /** HMAC-SHA256 of the ID number: exact-match lookup and uniqueness without the plaintext. */
  @Column({ type: 'char', length: 64 })
  idNumberHash: string;

  @Field(() => Gender, { description: 'Gender, derived from the ID number. 性别' })
  @Index('ix_household_member__gender')
  @Column({ type: 'enum', enum: Gender, enumName: 'gender' })
  gender: Gender;

  /**
   * Birth date, derived from the ID number. Not a GraphQL field: with the sex and the masked number it
   * would narrow the ID number to 500 candidates (issue #11); the full date comes with revealIdNumber.
   */
  @Personal('BIRTH_DATE')
  @Index('ix_household_member__birth_date')
  @Column({ type: 'date' })
  birthDate: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Birth year and month `YYYY-MM`, derived from the ID number; null for roles without personal data ' +
      '(the day is never shown: it would narrow the masked ID number below 1,000 candidates). 出生年月',
  })
  @Personal('BIRTH_MONTH')
  @Index('ix_household_member__birth_month')
  @Column({ type: 'char', length: 7 })
  birthMonth: string;

  @Field(() => RelationToHead, { description: 'Relation to the head of household. 与户主关系' })
  @Index('ix_household_member__relation')
  @Column({ type: 'enum', enum: RelationToHead, enumName: 'relation_to_head' })
  relationToHead: RelationToHead;

  @Field({ description: 'Ethnicity. 民族' })
  @Column({ type: 'varchar', length: 20, default: '汉族' })
  ethnicity: string;

  @Field(() => EducationLevel, { description: 'Highest education completed. 文化程度' })
  @Column({ type: 'enum', enum: EducationLevel, enumName: 'education_level' })
  educationLevel: EducationLevel;

  @Field(() => SchoolStatus, { description: 'School attendance. 在校生状况' })
  @Index('ix_household_member__school_status')
  @Column({
    type: 'enum',
    enum: SchoolStatus,
    enumName: 'school_status',
    default: SchoolStatus.NOT_IN_SCHOOL,
  })
  schoolStatus: SchoolStatus;

  @Field(() => HealthStatus, { description: 'Health status. 健康状况' })
  @Index('ix_household_member__health_status')
  @Column({ type: 'enum', enum: HealthStatus, enumName: 'health_status', default: HealthStatus.HEALTHY })
  healthStatus: HealthStatus;

  @Field(() => Int, { nullable: true, description: 'Disability grade 1–4, required when DISABLED. 残疾等级' })
  @Column({ type: 'smallint', nullable: true })
  disabilityGrade: number | null;

  @Field(() => LaborCapacity, { description: 'Labour capacity. 劳动能力' })
  @Index('ix_household_member__labor_capacity')
  @Column({ type: 'enum', enum: LaborCapacity, enumName: 'labor_capacity' })
  laborCapacity: LaborCapacity;

  @Field(() => String, { nullable: true, description: 'Skill. 劳动技能/特长' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  skill: string | null;

  @Field(() => WorkLocation, { description: 'Where the member works. 务工区域' })
  @Index('ix_household_member__work_location')
  @Column({ type: 'enum', enum: WorkLocation, enumName: 'work_location', default: WorkLocation.NONE })
  workLocation: WorkLocation;

  @Field(() => Int, { description: 'Months worked in the year, 0–12. 务工时间(月)' })
  @Column({ type: 'smallint', default: 0 })
  workMonths: number;

  @Field({ description: 'Enrolled in basic medical insurance. 参加城乡居民基本医疗保险' })
  @Index('ix_household_member__medical_insured')
  @Column({ default: false })
  medicalInsured: boolean;

  @Field({ description: 'Enrolled in serious-illness insurance. 参加大病保险' })
  @Column({ default: false })
  seriousIllnessInsured: boolean;

  @Field({ description: 'Enrolled in basic pension insurance. 参加城乡居民基本养老保险' })
  @Column({ default: false })
  pensionInsured: boolean;
}
