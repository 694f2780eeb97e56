import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Columns every stored record has: id, optimistic-lock version, creation and update instants. */
// Abstract: not emitted (nothing returns it); its fields are inherited by every entity type.
@ObjectType({ description: 'Columns every stored record has.' })
export abstract class BaseRecord {
  @Field(() => ID, { description: 'Row ID (an integer written as a string)' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Int, { description: 'Version, +1 on every change; send it back as expectedVersion. 版本号' })
  @VersionColumn({ default: 1 })
  version: number;

  @Field(() => Date, { description: 'Created at (UTC). 创建时间' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field(() => Date, { description: 'Last changed at (UTC). 更新时间' })
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** numeric(14,2) money column options: yuan, stored exactly, read back as a string. */
export const MONEY_COLUMN = { type: 'numeric', precision: 14, scale: 2 } as const;
