import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { DecimalScalar } from '../../common/scalars';

@InputType({ description: 'A reported figure for one month (district, or one township). 指标填报' })
export class ReportIndicatorValueInput {
  @Field({
    description:
      'Indicator key: a REPORTED indicator, or alleviated_income_growth (its input: the district’s rural per-capita income growth, percent, district only: DISTRICT_FIGURE). 指标代码',
  })
  @Length(1, 60)
  key: string;

  @Field(() => String, {
    nullable: true,
    description: 'Month YYYY-MM, not in the future; default the current month. 填报期',
  })
  @IsOptional()
  period?: string | null;

  @Field(() => ID, { nullable: true, description: 'Township it reports for; absent: the district. 乡镇' })
  @IsOptional()
  townshipId?: string | null;

  @Field(() => DecimalScalar, {
    description:
      'The figure in the indicator’s unit, at most 2 decimals; percent 0–100; only percentage points may be negative. 填报值',
  })
  value: string;

  @Field({ description: 'Source document (name or 文号), 1–200 characters. 数据来源文件' })
  @Length(1, 200)
  sourceDocument: string;

  @Field(() => String, { nullable: true, description: 'Note, up to 500 characters. 备注' })
  @IsOptional()
  @Length(0, 500)
  note?: string | null;
}

@InputType({ description: 'Changes to a catalogue entry (district users). 修改指标' })
export class UpdatePlanIndicatorInput {
  @Field(() => String, { nullable: true, description: 'Name. 指标名称' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Target in the unit, at most 2 decimals. 目标值',
  })
  @IsOptional()
  target?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'AT_RISK margin in the unit, ≥ 0. 预警容差' })
  @IsOptional()
  margin?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owning department. 责任单位' })
  @IsOptional()
  departmentId?: string | null;
}
