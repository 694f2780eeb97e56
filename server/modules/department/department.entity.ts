import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique, Relation } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Township } from '../township/township.entity';
import { DepartmentKind } from './department.enums';

/** 责任单位: a department or other unit responsible for tasks, measures and assets. */
@ObjectType({ description: 'Responsible unit: department, township government or organisation. 责任单位' })
@Entity()
@Unique('uq_department__code', ['code'])
@Unique('uq_department__name', ['name'])
export class Department extends BaseRecord {
  @Field({ description: 'Short code, e.g. D01; township governments use T + township code. 单位代码' })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field({ description: 'Name, e.g. 区农业农村局. 单位名称' })
  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Field(() => DepartmentKind, { description: 'Kind. 单位类别' })
  @Index('ix_department__kind')
  @Column({ type: 'enum', enum: DepartmentKind, enumName: 'department_kind' })
  kind: DepartmentKind;

  @Field(() => ID, {
    nullable: true,
    description: 'The township, for a township government (kind TOWNSHIP). 所属乡镇',
  })
  @Index('ix_department__township_id')
  @Column({ type: 'int', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Township, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_department__township_id' })
  township?: Relation<Township> | null;
}
