import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Unique, Relation } from 'typeorm';
import { encrypted, Personal } from '../../auth/personal-data';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Village } from '../village/village.entity';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { HouseholdMember } from '../household-member/household-member.entity';
import { AssistanceMeasure } from '../assistance-measure/assistance-measure.entity';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import { HouseholdIncome } from '../household-income/household-income.entity';
import { HouseholdType, HousingSafety } from './household.enums';

/** 户: a registered household (README: the API in brief). */
@ObjectType({ description: 'Registered household. 户' })
@Entity()
@Unique('uq_household__household_number', ['householdNumber'])
export class Household extends BaseRecord {
  @Field({ description: 'Household number, unique in the district. 户编号' })
  @Column({ type: 'varchar', length: 30 })
  householdNumber: string;

  @Field(() => ID, { description: 'Village (committee) of registration. 所属行政村' })
  @Index('ix_household__village_id')
  @Column()
  villageId: number;

  @ManyToOne(() => Village, (v) => v.households, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_household__village_id' })
  village?: Relation<Village>;

  @Field(() => String, {
    nullable: true,
    description: 'Natural village or villagers’ group. 自然村/村民小组',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  naturalVillage: string | null;

  @Field(() => String, { nullable: true, description: 'Address; null for roles without personal data. 住址' })
  @Personal('ADDRESS')
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Contact phone: personal data, stored encrypted, masked for roles without personal data. 联系电话',
  })
  @Personal('PHONE')
  @Column({ type: 'text', name: 'phone_encrypted', nullable: true, transformer: encrypted })
  phone: string | null;

  @Field(() => HouseholdType, { description: 'Alleviated or ordinary household. 农户类型' })
  @Index('ix_household__household_type')
  @Column({ type: 'enum', enum: HouseholdType, enumName: 'household_type' })
  householdType: HouseholdType;

  @Field({ description: 'Receives subsistence allowance. 低保户' })
  @Index('ix_household__has_subsistence_allowance')
  @Column({ default: false })
  hasSubsistenceAllowance: boolean;

  @Field({ description: 'Receives extreme-poverty support. 特困供养' })
  @Column({ default: false })
  hasExtremePovertySupport: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'Relocation site, for relocated households. 易地扶贫搬迁安置点',
  })
  @Index('ix_household__relocation_site_id')
  @Column({ type: 'int', nullable: true })
  relocationSiteId: number | null;

  @ManyToOne(() => RelocationSite, (s) => s.households, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'relocation_site_id', foreignKeyConstraintName: 'fk_household__relocation_site_id' })
  relocationSite?: Relation<RelocationSite> | null;

  @Field(() => DateScalar, { nullable: true, description: 'Moved into the site on. 搬迁入住日期' })
  @Column({ type: 'date', nullable: true })
  movedInAt: string | null;

  @Field(() => ID, { nullable: true, description: 'Village moved out of, for relocated households. 迁出村' })
  @Index('ix_household__origin_village_id')
  @Column({ type: 'int', nullable: true })
  originVillageId: number | null;

  @ManyToOne(() => Village, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'origin_village_id', foreignKeyConstraintName: 'fk_household__origin_village_id' })
  originVillage?: Relation<Village> | null;

  @Field(() => HousingSafety, {
    nullable: true,
    description: 'Housing safety grade (A/B safe, C/D unsafe). 住房安全等级',
  })
  @Index('ix_household__housing_safety')
  @Column({ type: 'enum', enum: HousingSafety, enumName: 'housing_safety', nullable: true })
  housingSafety: HousingSafety | null;

  @Field({ description: 'Drinking water is safe. 饮水安全' })
  @Column({ default: true })
  drinkingWaterSafe: boolean;

  @Field(() => String, { nullable: true, description: 'Responsible cadre. 帮扶责任人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  cadreName: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the responsible cadre. 帮扶责任人单位' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  cadreUnit: string | null;

  @OneToMany(() => HouseholdMember, (m) => m.household)
  members?: HouseholdMember[];

  @OneToMany(() => AssistanceMeasure, (m) => m.household)
  measures?: AssistanceMeasure[];

  @OneToMany(() => MonitoringCase, (c) => c.household)
  monitoringCases?: MonitoringCase[];

  @OneToMany(() => HouseholdIncome, (i) => i.household)
  incomes?: HouseholdIncome[];
}
