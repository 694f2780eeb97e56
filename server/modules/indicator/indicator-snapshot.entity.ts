import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { FIGURE_COLUMN } from './indicator.entity';
import { IndicatorStatus, SnapshotKind } from './indicator.enums';

/**
 * 指标快照: every indicator in every area for one month, as computed at `takenAt` from the data at
 * `dataVersion`. Immutable: the database refuses UPDATE, DELETE and TRUNCATE (migration trigger).
 */
@ObjectType({ description: 'An immutable snapshot of every indicator for one month. 指标快照' })
@Entity()
@Index('uq_indicator_snapshot__month_end', ['period'], { unique: true, where: `"kind" = 'MONTH_END'` })
@Index('ix_indicator_snapshot__period', ['period', 'takenAt'])
export class IndicatorSnapshot {
  @Field(() => ID, { description: 'Snapshot ID' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'Month, YYYY-MM. 统计期' })
  @Column({ type: 'char', length: 7 })
  period: string;

  @Field(() => SnapshotKind, { description: 'Month end or on demand. 快照类型' })
  @Column({ type: 'enum', enum: SnapshotKind, enumName: 'snapshot_kind' })
  kind: SnapshotKind;

  @Field(() => Date, { description: 'When it was taken (UTC). 生成时间' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  takenAt: Date;

  @Field({
    description:
      'Data version it was computed from: the last audit event id when taken (every write to the register appends one). 数据版本',
  })
  @Column({ type: 'bigint' })
  dataVersion: string;

  @Field({ description: 'Who took it (system: the month-end job or a first read of a past month). 生成人' })
  @Column({ type: 'varchar', length: 100 })
  takenBy: string;

  @Field(() => Int, { description: 'Figures stored (indicators × areas). 数值条数' })
  @Column({ type: 'int' })
  figures: number;
}

/** One indicator in one area (district: no township; a township; a village) of a snapshot. */
@Entity()
@Index('ix_indicator_snapshot_value__snapshot', ['snapshotId', 'indicatorKey'])
export class IndicatorSnapshotValue {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  snapshotId: number;

  @ManyToOne(() => IndicatorSnapshot, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'fk_indicator_snapshot_value__snapshot_id' })
  snapshot?: Relation<IndicatorSnapshot>;

  @Column({ type: 'varchar', length: 60 })
  indicatorKey: string;

  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @Column({ type: 'int', nullable: true })
  villageId: number | null;

  @Column({ type: 'bigint', nullable: true })
  numerator: string | null;

  @Column({ type: 'bigint', nullable: true })
  denominator: string | null;

  @Column({ ...FIGURE_COLUMN, nullable: true })
  value: string | null;

  @Column({ ...FIGURE_COLUMN, nullable: true })
  target: string | null;

  @Column({ type: 'enum', enum: IndicatorStatus, enumName: 'indicator_status' })
  status: IndicatorStatus;
}
