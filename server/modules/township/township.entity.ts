import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, OneToMany, Unique } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Village } from '../village/village.entity';
import { TownshipKind } from './township.enums';

/** 乡镇/街道: a township-level unit of Baiyin District (12-digit NBS statistical division code). */
@ObjectType({ description: 'Township-level unit: street, town or township. 乡镇/街道' })
@Entity()
@Unique('uq_township__code', ['code'])
@Unique('uq_township__name', ['name'])
export class Township extends BaseRecord {
  @Field({ description: '12-digit statistical division code, e.g. 620402100000. 统计用区划代码' })
  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Field({ description: 'Name, e.g. 水川镇. 名称' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => TownshipKind, { description: 'Kind, derived from the code. 类型' })
  @Column({ type: 'enum', enum: TownshipKind, enumName: 'township_kind' })
  kind: TownshipKind;

  @OneToMany(() => Village, (v) => v.township)
  villages?: Village[];
}
