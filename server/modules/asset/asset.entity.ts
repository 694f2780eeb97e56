import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Unique, Relation } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { Department } from '../department/department.entity';
import { Household } from '../household/household.entity';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { Village } from '../village/village.entity';
import { AssetFunding } from './asset-funding.entity';
import { AssetCategory, AssetClass, AssetStatus, OwnershipLevel } from './asset.enums';
import { Personal } from '../../auth/personal-data';

/** Owner and operator are people on household assets (and, unknown level, assumed to be). */
const isHouseholdLevel = (row: { ownershipLevel?: string }) =>
  row.ownershipLevel !== OwnershipLevel.DISTRICT &&
  row.ownershipLevel !== OwnershipLevel.TOWNSHIP &&
  row.ownershipLevel !== OwnershipLevel.VILLAGE;

/** 扶贫项目资产: one row of the poverty-alleviation project asset ledger (README: the API in brief). */
@ObjectType({ description: 'Poverty-alleviation project asset (ledger row). 扶贫项目资产' })
@Entity()
@Unique('uq_asset__asset_code', ['assetCode'])
@Check('ck_asset__original_value_yuan', '"original_value_yuan" >= 0')
@Check('ck_asset__book_value_yuan', '"book_value_yuan" IS NULL OR "book_value_yuan" >= 0')
@Check('ck_asset__quantity', '"quantity" IS NULL OR "quantity" >= 0')
@Check('ck_asset__beneficiary_households', '"beneficiary_households" >= 0 AND "beneficiary_people" >= 0')
@Check(
  'ck_asset__beneficiary_of_which',
  '"beneficiary_villages" >= 0 AND "beneficiary_alleviated_households" >= 0 AND "beneficiary_monitored_households" >= 0 ' +
    'AND "beneficiary_alleviated_households" + "beneficiary_monitored_households" <= "beneficiary_households"',
)
export class Asset extends BaseRecord {
  @Field({ description: 'Ledger code, unique. 资产编号' })
  @Column({ type: 'varchar', length: 40 })
  assetCode: string;

  @Field({ description: 'Name. 资产名称' })
  @Index('ix_asset__name')
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => AssetClass, { description: 'Class. 资产类别' })
  @Index('ix_asset__asset_class')
  @Column({ type: 'enum', enum: AssetClass, enumName: 'asset_class' })
  assetClass: AssetClass;

  @Field(() => AssetCategory, { description: 'Category. 资产类型' })
  @Index('ix_asset__category')
  @Column({ type: 'enum', enum: AssetCategory, enumName: 'asset_category' })
  category: AssetCategory;

  @Field({ description: 'Project that built it. 项目名称' })
  @Column({ type: 'varchar', length: 200 })
  projectName: string;

  @Field(() => Int, { description: 'Project year. 项目年度' })
  @Index('ix_asset__project_year')
  @Column({ type: 'smallint' })
  projectYear: number;

  @Field(() => DateScalar, { nullable: true, description: 'Completed on. 竣工日期' })
  @Column({ type: 'date', nullable: true })
  completedAt: string | null;

  @Field(() => ID, { nullable: true, description: 'Village where it is. 所在村' })
  @Index('ix_asset__village_id')
  @Column({ type: 'int', nullable: true })
  villageId: number | null;

  @ManyToOne(() => Village, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_asset__village_id' })
  village?: Relation<Village> | null;

  @Field(() => ID, { nullable: true, description: 'Household, for a household asset. 到户农户' })
  @Index('ix_asset__household_id')
  @Column({ type: 'int', nullable: true })
  householdId: number | null;

  @ManyToOne(() => Household, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_asset__household_id' })
  household?: Relation<Household> | null;

  @Field(() => ID, { nullable: true, description: 'Relocation site it serves. 安置点' })
  @Index('ix_asset__relocation_site_id')
  @Column({ type: 'int', nullable: true })
  relocationSiteId: number | null;

  @ManyToOne(() => RelocationSite, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'relocation_site_id', foreignKeyConstraintName: 'fk_asset__relocation_site_id' })
  relocationSite?: Relation<RelocationSite> | null;

  @Field(() => DecimalScalar, {
    description: 'Original value in yuan = the sum of the funding rows. 资产原值(元)',
  })
  @Index('ix_asset__original_value_yuan')
  @Column(MONEY_COLUMN)
  originalValueYuan: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Book value in yuan. 账面价值(元)' })
  @Column({ ...MONEY_COLUMN, nullable: true })
  bookValueYuan: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity, in `unit`. 数量' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  quantity: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of quantity (公里, 座, 个, 千瓦…). 计量单位' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Field(() => OwnershipLevel, { description: 'Level that owns it. 产权归属层级' })
  @Index('ix_asset__ownership_level')
  @Column({ type: 'enum', enum: OwnershipLevel, enumName: 'ownership_level' })
  ownershipLevel: OwnershipLevel;

  @Field({
    description:
      'Owner (rights holder); on household assets the head of household, masked (`张**`) for roles without personal data. 产权所有者',
  })
  @Personal('NAME', { when: isHouseholdLevel, needs: ['ownershipLevel'] })
  @Column({ type: 'varchar', length: 100 })
  owner: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Operator, for operating assets; on household assets a person, masked for roles without personal data. 经营主体',
  })
  @Personal('NAME', { when: isHouseholdLevel, needs: ['ownershipLevel'] })
  @Column({ type: 'varchar', length: 100, nullable: true })
  operator: string | null;

  @Field(() => String, { nullable: true, description: 'Custodian unit. 管护主体' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  custodian: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Person in charge of upkeep; masked (`张**`) for roles without personal data. 管护责任人',
  })
  @Personal('NAME')
  @Column({ type: 'varchar', length: 50, nullable: true })
  custodianPerson: string | null;

  @Field(() => ID, { description: 'Responsible department (industry supervisor). 行业主管部门' })
  @Index('ix_asset__responsible_department_id')
  @Column()
  responsibleDepartmentId: number;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'responsible_department_id',
    foreignKeyConstraintName: 'fk_asset__responsible_department_id',
  })
  responsibleDepartment?: Relation<Department>;

  @Field(() => AssetStatus, { description: 'Status. 资产状态' })
  @Index('ix_asset__status')
  @Column({ type: 'enum', enum: AssetStatus, enumName: 'asset_status', default: AssetStatus.IN_USE })
  status: AssetStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Ownership confirmed on. 确权日期' })
  @Column({ type: 'date', nullable: true })
  rightsConfirmedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Document of the rights confirmation. 确权文号' })
  @Column({ type: 'varchar', length: 60, nullable: true })
  rightsDocumentNo: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Handed over on. 移交日期' })
  @Column({ type: 'date', nullable: true })
  handedOverAt: string | null;

  @Field(() => String, { nullable: true, description: 'Document of the hand-over. 移交文号' })
  @Column({ type: 'varchar', length: 60, nullable: true })
  handoverDocumentNo: string | null;

  @Field(() => String, { nullable: true, description: 'Why the status last changed. 状态变更原因' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Status last changed on. 状态变更日期' })
  @Column({ type: 'date', nullable: true })
  statusChangedAt: string | null;

  @Field(() => Int, { description: 'Villages that benefit. 受益村数' })
  @Column({ type: 'int', default: 0 })
  beneficiaryVillages: number;

  @Field(() => Int, { description: 'Households that benefit. 受益户数' })
  @Column({ type: 'int', default: 0 })
  beneficiaryHouseholds: number;

  @Field(() => Int, { description: 'Of which alleviated households. 其中脱贫户' })
  @Column({ type: 'int', default: 0 })
  beneficiaryAlleviatedHouseholds: number;

  @Field(() => Int, { description: 'Of which monitored households. 其中监测户' })
  @Column({ type: 'int', default: 0 })
  beneficiaryMonitoredHouseholds: number;

  @Field(() => Int, { description: 'People who benefit. 受益人数' })
  @Column({ type: 'int', default: 0 })
  beneficiaryPeople: number;

  @OneToMany(() => AssetFunding, (f) => f.asset)
  fundings?: AssetFunding[];
}
