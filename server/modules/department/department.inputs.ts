import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { DateTimeFilter, IDFilter, StringFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { updateInputOf } from '../../common/validation/update-input';
import { Department } from './department.entity';
import { DepartmentKind, DepartmentKindFilter } from './department.enums';

@InputType({ description: 'A new responsible unit. 新增责任单位' })
export class CreateDepartmentInput {
  @Field({ description: 'Short code: letters, digits, dash. 单位代码' })
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'code must be 1–20 letters, digits or dashes' })
  code: string;

  @Field({ description: 'Name. 单位名称' })
  @Length(1, 60)
  name: string;

  @Field(() => DepartmentKind, { description: 'Kind. 单位类别' })
  kind: DepartmentKind;

  @Field(() => ID, { nullable: true, description: 'Township, required for kind TOWNSHIP. 所属乡镇' })
  @IsOptional()
  townshipId?: string | null;
}

export const UpdateDepartmentInput = updateInputOf(
  CreateDepartmentInput,
  'UpdateDepartmentInput',
  'Changes to a unit. 修改责任单位',
);

export const DepartmentFilter = filterType(
  Department,
  {
    id: IDFilter,
    code: StringFilter,
    name: StringFilter,
    kind: DepartmentKindFilter,
    townshipId: IDFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  {},
  ['name', 'code'],
);
export const DepartmentOrderBy = orderType(Department, ['code', 'name', 'kind', 'createdAt', 'updatedAt']);
export const DepartmentListArgs = listArgsType(Department, DepartmentFilter, DepartmentOrderBy);
export const DepartmentConnection = Connection(Department, '责任单位');
