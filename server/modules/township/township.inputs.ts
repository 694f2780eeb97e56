import { Field, InputType } from 'type-graphql';
import { Length, Matches } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { DateTimeFilter, IDFilter, StringFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { updateInputOf } from '../../common/validation/update-input';
import { VillageFilter } from '../village/village.inputs';
import { Township } from './township.entity';
import { TownshipKindFilter } from './township.enums';

@InputType({ description: 'A new township-level unit; its kind follows from the code. 新增乡镇/街道' })
export class CreateTownshipInput {
  @Field({ description: '12-digit code 620402xxx000 (xxx: 001–099 street, 100–199 town, 200–399 township)' })
  @Matches(/^\d{12}$/, { message: 'code must be 12 digits' })
  code: string;

  @Field({ description: 'Name. 名称' })
  @Length(1, 50)
  name: string;
}

export const UpdateTownshipInput = updateInputOf(
  CreateTownshipInput,
  'UpdateTownshipInput',
  'Changes to a township; omitted fields stay. 修改乡镇/街道',
);

export const TownshipFilter = filterType(
  Township,
  {
    id: IDFilter,
    code: StringFilter,
    name: StringFilter,
    kind: TownshipKindFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { villages: () => VillageFilter },
  ['name', 'code'],
);

export const TownshipOrderBy = orderType(Township, ['code', 'name', 'kind', 'createdAt', 'updatedAt']);
export const TownshipListArgs = listArgsType(Township, TownshipFilter, TownshipOrderBy);
export const TownshipConnection = Connection(Township, '乡镇/街道');
