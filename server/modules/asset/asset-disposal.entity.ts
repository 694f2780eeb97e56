import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Relation } from 'typeorm';
import { BaseRecord, MONEY_COLUMN } from '../../common/base.entity';
import { DateScalar, DecimalScalar } from '../../common/scalars';
import { AppUser } from '../../auth/auth.entities';
import { Asset } from './asset.entity';
import { DisposalMethod, DisposalReason, DisposalStatus } from './asset.enums';

/**
 * 资产处置: a request to take an asset out of the ledger, decided by a district-level approver who
 * is not the requester (国办函〔2021〕51号: 处置须经审批, never at will). Approval sets the asset DISPOSED.
 */
@ObjectType({ description: 'Disposal of an asset, with its approval. 资产处置' })
@Entity()
@Check(
  'ck_asset_disposal__proceeds',
  '"expected_proceeds_yuan" >= 0 AND ("proceeds_yuan" IS NULL OR "proceeds_yuan" >= 0)',
)
export class AssetDisposal extends BaseRecord {
  @Field(() => ID, { description: 'Asset. 资产' })
  @Index('ix_asset_disposal__asset_id')
  @Column()
  assetId: number;

  @ManyToOne(() => Asset, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asset_id', foreignKeyConstraintName: 'fk_asset_disposal__asset_id' })
  asset?: Relation<Asset>;

  @Field(() => DisposalStatus, { description: 'Step. 审批状态' })
  @Index('ix_asset_disposal__status')
  @Column({
    type: 'enum',
    enum: DisposalStatus,
    enumName: 'disposal_status',
    default: DisposalStatus.REQUESTED,
  })
  status: DisposalStatus;

  @Field(() => DisposalReason, { description: 'Reason. 处置原因' })
  @Column({ type: 'enum', enum: DisposalReason, enumName: 'disposal_reason' })
  reason: DisposalReason;

  @Field(() => DisposalMethod, { description: 'Method. 处置方式' })
  @Column({ type: 'enum', enum: DisposalMethod, enumName: 'disposal_method' })
  method: DisposalMethod;

  @Field({ description: 'Explanation. 情况说明' })
  @Column({ type: 'varchar', length: 500 })
  explanation: string;

  @Field(() => DecimalScalar, { description: 'Expected proceeds in yuan. 预计处置收入(元)' })
  @Column(MONEY_COLUMN)
  expectedProceedsYuan: string;

  @Field(() => ID, { description: 'Requested by (user). 申请人' })
  @Column()
  requestedById: number;

  @ManyToOne(() => AppUser, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'fk_asset_disposal__requested_by_id' })
  requestedBy?: Relation<AppUser>;

  @Field({ description: 'Requester’s name. 申请人' })
  @Column({ type: 'varchar', length: 50 })
  requestedByName: string;

  @Field(() => DateScalar, { description: 'Requested on. 申请日期' })
  @Column({ type: 'date' })
  requestedAt: string;

  @Field(() => ID, { nullable: true, description: 'Decided by (user). 审批人' })
  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'fk_asset_disposal__decided_by_id' })
  decidedBy?: Relation<AppUser>;

  @Field(() => String, { nullable: true, description: 'Approver’s name. 审批人' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  decidedByName: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Decided on. 审批日期' })
  @Column({ type: 'date', nullable: true })
  decidedAt: string | null;

  @Field(() => String, { nullable: true, description: 'Approval document number. 批准文号' })
  @Column({ type: 'varchar', length: 60, nullable: true })
  approvalDocumentNo: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected. 驳回理由' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectionReason: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Proceeds received, in yuan. 处置收入(元)' })
  @Column({ ...MONEY_COLUMN, nullable: true })
  proceedsYuan: string | null;
}
