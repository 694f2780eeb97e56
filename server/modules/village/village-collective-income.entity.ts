import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, Unique, Relation } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Village } from './village.entity';

/** 村集体经济收入: a village's collective-economy income for one year (work plan §2.3: ≥ 50,000 yuan). */
@ObjectType({ description: 'Village collective-economy income of one year. 村集体经济收入' })
@Entity()
@Unique('uq_village_collective_income__year', ['villageId', 'year'])
@Check('ck_village_collective_income__amount_yuan', '"amount_yuan" >= 0')
export class VillageCollectiveIncome extends BaseRecord {
  @Field(() => ID, { description: 'Village. 行政村' })
  @Column()
  villageId: number;

  @ManyToOne(() => Village, (v) => v.collectiveIncomes, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_village_collective_income__village_id' })
  village?: Relation<Village>;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Income in yuan. 收入(元)' })
  @Column(MONEY_COLUMN)
  amountYuan: string;
}
