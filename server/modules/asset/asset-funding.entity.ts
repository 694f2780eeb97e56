import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Asset } from './asset.entity';
import { FundingSource } from './asset.enums';

/** 资金构成: one funding row of an asset; the rows sum to the asset's original value. */
@ObjectType({ description: 'Funding row of an asset. 资产资金构成' })
@Entity()
@Check('ck_asset_funding__amount_yuan', '"amount_yuan" >= 0')
export class AssetFunding extends BaseRecord {
  @Field(() => ID, { description: 'Asset. 资产' })
  @Index('ix_asset_funding__asset_id')
  @Column()
  assetId: number;

  @ManyToOne(() => Asset, (a) => a.fundings, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_asset_funding__asset_id' })
  asset?: Relation<Asset>;

  @Field(() => FundingSource, { description: 'Source of funds. 资金来源' })
  @Index('ix_asset_funding__source')
  @Column({ type: 'enum', enum: FundingSource, enumName: 'funding_source' })
  source: FundingSource;

  @Field(() => DecimalScalar, { description: 'Amount in yuan. 金额(元)' })
  @Column(MONEY_COLUMN)
  amountYuan: string;
}
