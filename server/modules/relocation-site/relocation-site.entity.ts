import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Unique, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Township } from '../township/township.entity';
import { Village } from '../village/village.entity';
import { Household } from '../household/household.entity';
import { Placement } from './relocation-site.enums';

/** 易地扶贫搬迁安置点: a poverty-alleviation relocation site (work plan §2, task 8). */
@ObjectType({ description: 'Poverty-alleviation relocation site. 易地扶贫搬迁安置点' })
@Entity()
@Unique('uq_relocation_site__name', ['name'])
@Check('ck_relocation_site__houses', '"houses" IS NULL OR "houses" >= 0')
export class RelocationSite extends BaseRecord {
  @Field({ description: 'Name, e.g. 银馨家园. 安置点名称' })
  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Field(() => ID, { nullable: true, description: 'Township where the site is. 所在乡镇' })
  @Index('ix_relocation_site__township_id')
  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Township, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_relocation_site__township_id' })
  township?: Relation<Township> | null;

  @Field(() => ID, { nullable: true, description: 'Village or community where the site is. 所在村/社区' })
  @Index('ix_relocation_site__village_id')
  @Column({ type: 'int', nullable: true })
  villageId: number | null;

  @ManyToOne(() => Village, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_relocation_site__village_id' })
  village?: Relation<Village> | null;

  @Field(() => Placement, { description: 'Placement. 安置方式' })
  @Column({ type: 'enum', enum: Placement, enumName: 'placement' })
  placement: Placement;

  @Field(() => DateScalar, { nullable: true, description: 'Completed on. 建成日期' })
  @Column({ type: 'date', nullable: true })
  completedAt: string | null;

  @Field(() => Int, { nullable: true, description: 'Houses built. 安置住房套数' })
  @Column({ type: 'int', nullable: true })
  houses: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Supporting facilities (schools, clinics, workshops…). 配套设施',
  })
  @Column({ type: 'text', nullable: true })
  facilities: string | null;

  @OneToMany(() => Household, (h) => h.relocationSite)
  households?: Household[];
}
