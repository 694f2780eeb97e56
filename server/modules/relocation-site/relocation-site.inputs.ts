import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Min } from 'class-validator';
import { Connection } from '../../common/listing/connection';
import { DateFilter, DateTimeFilter, IDFilter, IntFilter, StringFilter } from '../../common/listing/filters';
import { filterType, listArgsType, orderType } from '../../common/listing/inputs-factory';
import { DateScalar } from '../../common/scalars';
import { updateInputOf } from '../../common/validation/update-input';
import { HouseholdFilter } from '../household/household.inputs';
import { RelocationSite } from './relocation-site.entity';
import { Placement, PlacementFilter } from './relocation-site.enums';

@InputType({ description: 'A new relocation site. 新增易地扶贫搬迁安置点' })
export class CreateRelocationSiteInput {
  @Field({ description: 'Name. 安置点名称' })
  @Length(1, 60)
  name: string;

  @Field(() => ID, { nullable: true, description: 'Township where it is. 所在乡镇' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Village or community where it is; must be in the township. 所在村/社区',
  })
  @IsOptional()
  villageId?: string | null;

  @Field(() => Placement, { description: 'Placement. 安置方式' })
  placement: Placement;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Completed on; not in the future (FUTURE_DATE). 建成日期',
  })
  completedAt?: string | null;

  @Field(() => Int, { nullable: true, description: 'Houses built, ≥ 0. 安置住房套数' })
  @IsOptional()
  @Min(0)
  houses?: number | null;

  @Field(() => String, { nullable: true, description: 'Supporting facilities. 配套设施' })
  @IsOptional()
  @Length(0, 2000)
  facilities?: string | null;
}

export const UpdateRelocationSiteInput = updateInputOf(
  CreateRelocationSiteInput,
  'UpdateRelocationSiteInput',
  'Changes to a relocation site. 修改安置点',
);

export const RelocationSiteFilter = filterType(
  RelocationSite,
  {
    id: IDFilter,
    name: StringFilter,
    townshipId: IDFilter,
    villageId: IDFilter,
    placement: PlacementFilter,
    completedAt: DateFilter,
    houses: IntFilter,
    createdAt: DateTimeFilter,
    updatedAt: DateTimeFilter,
  },
  { households: () => HouseholdFilter },
  ['name', 'facilities'],
);
export const RelocationSiteOrderBy = orderType(RelocationSite, [
  'name',
  'placement',
  'completedAt',
  'houses',
  'createdAt',
]);
export const RelocationSiteListArgs = listArgsType(
  RelocationSite,
  RelocationSiteFilter,
  RelocationSiteOrderBy,
);
export const RelocationSiteConnection = Connection(RelocationSite, '易地扶贫搬迁安置点');
