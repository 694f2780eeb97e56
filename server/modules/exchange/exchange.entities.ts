import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Relation, Unique } from 'typeorm';
import { currentActor, Role } from '../../auth/actor';
import { Personal } from '../../auth/personal-data';
import { BaseRecord } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Department } from '../department/department.entity';
import { HouseholdMember } from '../household-member/household-member.entity';
import { FeedKind } from './feeds';
import { SectorField, SectorSource } from './sector-fields';

/**
 * Sector values are sensitive personal data (assistance, disability, schooling): shown to the roles
 * that see personal data and to the officers of the owning department; null for the others.
 */
const notOwnDepartment = (row: Record<string, any>) => {
  const actor = currentActor();
  return !(actor.role === Role.DEPARTMENT_OFFICER && actor.departmentId === row.departmentId);
};

/** 部门业务字段的当前值: one per member and field. */
@ObjectType({
  description:
    'Current value of a member’s sector field, with its owner, source and as-of date. 部门业务字段',
})
@Entity()
@Unique('uq_member_sector_value__member_field', ['memberId', 'field'])
export class MemberSectorValue extends BaseRecord {
  @Field(() => ID, { description: 'Member. 家庭成员' })
  @Column()
  memberId: number;

  @ManyToOne(() => HouseholdMember, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_member_sector_value__member_id' })
  member?: Relation<HouseholdMember>;

  @Field(() => SectorField, { description: 'Field. 字段' })
  @Index('ix_member_sector_value__field')
  @Column({ type: 'enum', enum: SectorField, enumName: 'sector_field' })
  field: SectorField;

  @Field(() => String, {
    nullable: true,
    description:
      'Value as stored: `true`/`false`, an enum code, an integer, or yuan with two decimals (see SectorField). ' +
      'Sensitive personal data: null for roles without personal data, except the owning department’s officers. 取值',
  })
  @Personal('SENSITIVE', { when: notOwnDepartment, needs: ['departmentId'] })
  @Column({ type: 'text' })
  value: string;

  @Field(() => ID, { description: 'Owning department (the field’s owner). 责任部门' })
  @Column()
  departmentId: number;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_member_sector_value__department_id' })
  department?: Relation<Department>;

  @Field(() => SectorSource, { description: 'Where the value came from. 数据来源' })
  @Column({ type: 'enum', enum: SectorSource, enumName: 'sector_source' })
  source: SectorSource;

  @Field(() => DateScalar, { description: 'The value holds as of this day. 数据截至日期' })
  @Column({ type: 'date' })
  asOf: string;

  @Field({ description: 'Who recorded it (user or feed run). 记录人' })
  @Column({ type: 'varchar', length: 50 })
  recordedBy: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Feed run that wrote it, for source FEED from a file. 导入批次',
  })
  @Column({ type: 'int', nullable: true })
  feedRunId: number | null;
}

/** 部门业务字段的变更历史: every value a field took, newest last. */
@ObjectType({ description: 'One value a member’s sector field took (history). 部门业务字段变更记录' })
@Entity()
@Index('ix_member_sector_value_change__member_field', ['memberId', 'field'])
export class MemberSectorValueChange extends BaseRecord {
  @Field(() => ID, { description: 'Member. 家庭成员' })
  @Column()
  memberId: number;

  @ManyToOne(() => HouseholdMember, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_member_sector_value_change__member_id' })
  member?: Relation<HouseholdMember>;

  @Field(() => SectorField, { description: 'Field. 字段' })
  @Column({ type: 'enum', enum: SectorField, enumName: 'sector_field' })
  field: SectorField;

  @Field(() => String, {
    nullable: true,
    description:
      'Value taken; null when cleared, and for roles that may not see it (as MemberSectorValue.value). 取值',
  })
  @Personal('SENSITIVE', { when: notOwnDepartment, needs: ['departmentId'] })
  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Field(() => ID, { description: 'Owning department. 责任部门' })
  @Column()
  departmentId: number;

  @Field(() => SectorSource, { description: 'Source. 数据来源' })
  @Column({ type: 'enum', enum: SectorSource, enumName: 'sector_source' })
  source: SectorSource;

  @Field(() => DateScalar, { description: 'As of. 数据截至日期' })
  @Column({ type: 'date' })
  asOf: string;

  @Field({ description: 'Recorded by. 记录人' })
  @Column({ type: 'varchar', length: 50 })
  recordedBy: string;

  @Field(() => ID, { nullable: true, description: 'Feed run that wrote it. 导入批次' })
  @Column({ type: 'int', nullable: true })
  feedRunId: number | null;
}

/** 部门数据比对批次: one applied upload of a department feed. */
@ObjectType({
  description: 'One applied run of a department feed (who, when, file hash, counts). 部门数据比对批次',
})
@Entity()
@Index('ix_feed_run__feed', ['feed'])
export class FeedRun extends BaseRecord {
  @Field(() => FeedKind, { description: 'Feed. 数据类别' })
  @Column({ type: 'enum', enum: FeedKind, enumName: 'feed_kind' })
  feed: FeedKind;

  @Field(() => ID, { description: 'Department whose feed it is. 报送部门' })
  @Index('ix_feed_run__department_id')
  @Column()
  departmentId: number;

  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'fk_feed_run__department_id' })
  department?: Relation<Department>;

  @Field({ description: 'Who uploaded it. 上传人' })
  @Column({ type: 'varchar', length: 50 })
  runBy: string;

  @Field({ description: 'SHA-256 of the uploaded file (hex). 文件摘要' })
  @Index('ix_feed_run__file_hash')
  @Column({ type: 'char', length: 64 })
  fileHash: string;

  @Field(() => Int, { description: 'Data rows read. 数据行数' })
  @Column({ type: 'int' })
  rows: number;

  @Field(() => Int, { description: 'Rows matched to a member by ID number. 比对成功行数' })
  @Column({ type: 'int' })
  matched: number;

  @Field(() => Int, { description: 'Field values changed. 更新字段数' })
  @Column({ type: 'int' })
  valuesChanged: number;

  @Field(() => Int, { description: 'Rows whose ID number is in no household of the register. 未比对上行数' })
  @Column({ type: 'int' })
  unmatched: number;

  @Field(() => Int, { description: 'Rows of people registered outside the district. 区外行数' })
  @Column({ type: 'int' })
  outOfDistrict: number;

  @Field(() => Int, { description: 'Monitoring clues opened (DEPARTMENT_ALERT). 生成预警线索数' })
  @Column({ type: 'int' })
  cluesOpened: number;

  @Field(() => Int, {
    description: 'Alerts recorded on a household’s already open case (no second clue). 并入在办案件的预警数',
  })
  @Column({ type: 'int' })
  alertsOnOpenCases: number;
}

/** 部门预警: a feed row a rule fired on, and the clue (monitoring case) it opened or joined. */
@ObjectType({ description: 'A department alert: the feed row a rule fired on. 部门筛查预警' })
@Entity()
@Unique('uq_feed_alert__fingerprint', ['fingerprint'])
export class FeedAlert extends BaseRecord {
  @Field(() => ID, { description: 'Feed run. 导入批次' })
  @Index('ix_feed_alert__feed_run_id')
  @Column()
  feedRunId: number;

  @Field(() => FeedKind, { description: 'Feed. 数据类别' })
  @Column({ type: 'enum', enum: FeedKind, enumName: 'feed_kind' })
  feed: FeedKind;

  @Field({ description: 'Rule that fired (see FeedKind). 预警规则' })
  @Column({ type: 'varchar', length: 40 })
  rule: string;

  @Field({ description: 'Why it fired, in Chinese. 预警说明' })
  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @Column()
  memberId: number;

  @Field(() => ID, { description: 'Household. 农户' })
  @Index('ix_feed_alert__household_id')
  @Column()
  householdId: number;

  @Field(() => ID, { nullable: true, description: 'Monitoring case opened or joined. 监测记录' })
  @Index('ix_feed_alert__monitoring_case_id')
  @Column({ type: 'int', nullable: true })
  monitoringCaseId: number | null;

  @Field(() => Int, { description: 'Row of the uploaded file (1 = headers). 文件行号' })
  @Column({ type: 'int' })
  rowNumber: number;

  /** The triggering row's cells (header → text) without ID number and name; GraphQL `rowCells`. */
  @Column({ type: 'jsonb' })
  row: Record<string, string>;

  /** SHA-256 of feed, rule, member and the triggering values: a re-run opens nothing again. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;
}
