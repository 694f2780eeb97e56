import DataLoader from 'dataloader';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../app/context';
import { DateScalar } from '../../common/scalars';
import { Department } from '../department/department.entity';
import { HouseholdMember } from '../household-member/household-member.entity';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import { FeedAlert, FeedRun, MemberSectorValue, MemberSectorValueChange } from './exchange.entities';
import { FeedKind } from './feeds';
import {
  DEPARTMENT_NAMES,
  describeKind,
  SECTOR_FIELDS,
  SectorField,
  SectorSource,
  valueLabel,
} from './sector-fields';
import { currentActor } from '../../auth/actor';
import { personalFieldsOf, shownValue } from '../../auth/personal-data';

@InputType({ description: 'Sets or clears one sector field of a member. 设置部门业务字段' })
export class SetMemberSectorFieldInput {
  @Field(() => ID, { description: 'Member. 家庭成员' })
  memberId: string;

  @Field(() => SectorField, {
    description: 'Field; a department officer may write only its department’s. 字段',
  })
  field: SectorField;

  @Field(() => String, {
    nullable: true,
    description:
      'Value: booleans `true`/`false`, enum codes (or their Chinese labels), integers, yuan with ≤ 2 decimals; ' +
      'null clears the field (the history keeps it). Errors: INVALID_VALUE, INVALID_INT, OUT_OF_RANGE, INVALID_MONEY, TOO_LONG. 取值',
  })
  value: string | null;

  @Field(() => SectorSource, {
    description:
      'Source: area roles record CADRE or SELF_REPORT, department officers FEED or SELF_REPORT (SOURCE_NOT_ALLOWED). 数据来源',
  })
  source: SectorSource;

  @Field(() => DateScalar, {
    description:
      'As-of date: not in the future (FUTURE_DATE), not before the stored one (OLDER_THAN_CURRENT). 数据截至日期',
  })
  asOf: string;
}

const valueLoaders = new WeakMap<object, DataLoader<number, any[]>>();
const alertLoaders = new WeakMap<object, DataLoader<number, any[]>>();
const historyLoaders = new WeakMap<object, Map<SectorField | null, DataLoader<number, any[]>>>();

@Resolver(() => HouseholdMember)
export class MemberSectorFieldsResolver {
  @FieldResolver(() => [MemberSectorValue], {
    description:
      'Person-level social assistance and sector fields (work plan §2.1, §4(5)), each with its owning department, ' +
      'source and as-of date. 部门业务字段',
  })
  sectorFields(@Root() m: HouseholdMember, @Ctx() ctx: Context) {
    let loader = valueLoaders.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const map = await ctx.services.exchange.valuesOf([...ids]);
        return ids.map((id) => map.get(id) ?? []);
      });
      valueLoaders.set(ctx.loaders, loader);
    }
    return loader.load(m.id);
  }

  @FieldResolver(() => [MemberSectorValueChange], {
    description:
      'Every value a sector field took, oldest first (all fields when `field` is omitted). 字段变更历史',
  })
  sectorFieldHistory(
    @Root() m: HouseholdMember,
    @Ctx() ctx: Context,
    @Arg('field', () => SectorField, { nullable: true, description: 'Only this field. 字段' })
    field?: SectorField,
  ) {
    // One loader per request and `field` argument: the histories of all listed members in one query.
    let loaders = historyLoaders.get(ctx.loaders);
    if (!loaders) historyLoaders.set(ctx.loaders, (loaders = new Map()));
    const key = field ?? null;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const map = await ctx.services.exchange.historyOf([...ids], key);
        return ids.map((id) => map.get(id) ?? []);
      });
      loaders.set(key, loader);
    }
    return loader.load(m.id);
  }

  @Mutation(() => MemberSectorValue, {
    nullable: true,
    description:
      'Sets (or clears: null) a member’s sector field, keeping its history. FORBIDDEN/NOT_FIELD_OWNER when a ' +
      'department officer’s department does not own the field; NOT_FOUND outside the caller’s area. 设置部门业务字段',
  })
  setMemberSectorField(
    @Arg('input', () => SetMemberSectorFieldInput, {
      description: 'Member, field, value, source and as-of date. 字段值',
    })
    input: SetMemberSectorFieldInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.exchange.setValue(input);
  }

  @Query(() => [FeedRun], {
    description:
      'Applied department feed runs, newest first: every run for district level, a department officer’s own ' +
      'department’s. 部门数据比对批次',
  })
  feedRuns(
    @Ctx() ctx: Context,
    @Arg('feed', () => FeedKind, { nullable: true, description: 'Only this feed. 数据类别' }) feed?: FeedKind,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many (1–100). 条数' }) first = 20,
  ) {
    return ctx.services.exchange.runs(feed ?? null, first);
  }
}

@Resolver(() => MemberSectorValue)
export class MemberSectorValueResolver {
  @FieldResolver(() => String, { description: 'Chinese label of the field. 字段名称' })
  label(@Root() v: MemberSectorValue) {
    return SECTOR_FIELDS[v.field].label;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The value in Chinese (是/否, the code’s label), masked as `value` is. 取值（中文）',
  })
  valueText(@Root() v: MemberSectorValue) {
    const shown = shownValue(personalFieldsOf(MemberSectorValue).get('value')!, v.value, v, currentActor());
    return shown === null || shown === undefined ? null : valueLabel(v.field, String(shown));
  }

  @FieldResolver(() => String, { description: 'How the value is written (codes, range). 取值说明' })
  valueFormat(@Root() v: MemberSectorValue) {
    return describeKind(SECTOR_FIELDS[v.field].kind);
  }

  @FieldResolver(() => Department, { description: 'Owning department. 责任部门' })
  department(@Root() v: MemberSectorValue, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, v.departmentId);
  }
}

@Resolver(() => FeedRun)
export class FeedRunResolver {
  @FieldResolver(() => String, { description: 'Name of the department. 报送部门名称' })
  departmentName(@Root() r: FeedRun, @Ctx() ctx: Context) {
    return ctx.services.department
      .findById(ctx.loaders, r.departmentId)
      .then((d) => d?.name ?? DEPARTMENT_NAMES[r.departmentId] ?? '');
  }
}

@Resolver(() => FeedAlert)
export class FeedAlertResolver {
  @FieldResolver(() => String, {
    description:
      'The triggering feed row’s cells as JSON (header → text), without the ID number and the name. 触发行内容',
  })
  rowCells(@Root() a: FeedAlert) {
    return JSON.stringify(a.row);
  }
}

@Resolver(() => MonitoringCase)
export class MonitoringCaseAlertsResolver {
  @FieldResolver(() => [FeedAlert], {
    description:
      'Department alerts behind this case: the feed rows and rules that opened or joined it. 部门筛查预警',
  })
  departmentAlerts(@Root() c: MonitoringCase, @Ctx() ctx: Context) {
    let loader = alertLoaders.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const map = await ctx.services.exchange.alertsOf([...ids]);
        return ids.map((id) => map.get(id) ?? []);
      });
      alertLoaders.set(ctx.loaders, loader);
    }
    return loader.load(c.id);
  }
}
