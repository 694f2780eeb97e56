import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Relation, Unique } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Asset } from './asset.entity';
import { RevenuePurpose } from './asset.enums';

/** 资产收益: the revenue of an operating asset in one year; its distribution rows add up to it. */
@ObjectType({ description: 'Revenue of an operating asset in one year. 资产收益' })
@Entity()
@Unique('uq_asset_revenue__year', ['assetId', 'year'])
@Check('ck_asset_revenue__amount_yuan', '"amount_yuan" >= 0')
export class AssetRevenue extends BaseRecord {
  @Field(() => ID, { description: 'Asset. 资产' })
  @Index('ix_asset_revenue__asset_id')
  @Column()
  assetId: number;

  @ManyToOne(() => Asset, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_asset_revenue__asset_id' })
  asset?: Relation<Asset>;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Revenue in yuan. 收益金额(元)' })
  @Column(MONEY_COLUMN)
  amountYuan: string;

  @OneToMany(() => AssetRevenueDistribution, (d) => d.revenue)
  distributions?: AssetRevenueDistribution[];
}

/** 收益分配: the share of a year's revenue that goes to one purpose. */
@ObjectType({ description: 'Share of an asset’s revenue by purpose. 收益分配' })
@Entity()
@Check('ck_asset_revenue_distribution__amount_yuan', '"amount_yuan" >= 0')
export class AssetRevenueDistribution extends BaseRecord {
  @Field(() => ID, { description: 'Revenue. 收益' })
  @Index('ix_asset_revenue_distribution__revenue_id')
  @Column()
  revenueId: number;

  @ManyToOne(() => AssetRevenue, (r) => r.distributions, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revenue_id', foreignKeyConstraintName: 'fk_asset_revenue_distribution__revenue_id' })
  revenue?: Relation<AssetRevenue>;

  @Field(() => RevenuePurpose, { description: 'Purpose. 用途' })
  @Column({ type: 'enum', enum: RevenuePurpose, enumName: 'revenue_purpose' })
  purpose: RevenuePurpose;

  @Field(() => DecimalScalar, { description: 'Amount in yuan. 金额(元)' })
  @Column(MONEY_COLUMN)
  amountYuan: string;
}
