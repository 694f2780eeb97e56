import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Unique, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Township } from '../township/township.entity';
import { Household } from '../household/household.entity';
import { VillageCollectiveIncome } from './village-collective-income.entity';
import { CommitteeType } from './village.enums';

/** 行政村/社区: a village-level unit (village committee or residents' committee). */
@ObjectType({
  description: 'Village-level unit: administrative village (村委会) or community (居委会). 行政村/社区',
})
@Entity()
@Unique('uq_village__code', ['code'])
export class Village extends BaseRecord {
  @Field({
    description: '12-digit statistical division code; its first 9 digits are its township’s. 统计用区划代码',
  })
  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Field({ description: 'Name, e.g. 大川渡村村民委员会. 名称' })
  @Index('ix_village__name')
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => ID, { description: 'Township it belongs to. 所属乡镇' })
  @Index('ix_village__township_id')
  @Column()
  townshipId: number;

  @ManyToOne(() => Township, (t) => t.villages, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_village__township_id' })
  township?: Relation<Township>;

  @Field(() => CommitteeType, {
    description: 'Village committee or community, derived from the code. 村委会/居委会',
  })
  @Index('ix_village__committee_type')
  @Column({ type: 'enum', enum: CommitteeType, enumName: 'committee_type' })
  committeeType: CommitteeType;

  @Field(() => String, {
    nullable: true,
    description: 'NBS urban-rural class code (城乡分类代码, e.g. 220), when known',
  })
  @Column({ type: 'varchar', length: 3, nullable: true })
  urbanRuralClass: string | null;

  @Field({ description: 'Alleviated (formerly poor) village. 脱贫村' })
  @Index('ix_village__is_alleviated_village')
  @Column({ default: false })
  isAlleviatedVillage: boolean;

  @Field({ description: 'Key village for assistance. 重点帮扶村' })
  @Index('ix_village__is_key_village')
  @Column({ default: false })
  isKeyVillage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Featured industry, one village one product. 一村一品',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  featuredIndustry: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First secretary stationed in the village. 驻村第一书记',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  firstSecretaryName: string | null;

  @Field(() => String, { nullable: true, description: 'Unit that dispatched the first secretary. 派出单位' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  firstSecretaryUnit: string | null;

  @OneToMany(() => Household, (h) => h.village)
  households?: Household[];

  @OneToMany(() => VillageCollectiveIncome, (i) => i.village)
  collectiveIncomes?: VillageCollectiveIncome[];
}
