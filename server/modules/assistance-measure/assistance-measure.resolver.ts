import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import { Department } from '../department/department.entity';
import { Household } from '../household/household.entity';
import { HouseholdMember } from '../household-member/household-member.entity';
import { RelocationSite } from '../relocation-site/relocation-site.entity';
import { Village } from '../village/village.entity';
import { AssistanceMeasure } from './assistance-measure.entity';
import { MonitoringCase } from '../monitoring/monitoring-case.entity';
import {
  AssistanceMeasureConnection,
  AssistanceMeasureListArgs,
  CreateAssistanceMeasureInput,
  UpdateAssistanceMeasureInput,
} from './assistance-measure.inputs';

@Resolver(() => AssistanceMeasure)
export class AssistanceMeasureResolver extends CrudResolver({
  entity: AssistanceMeasure,
  connection: AssistanceMeasureConnection,
  listArgs: AssistanceMeasureListArgs,
  createInput: CreateAssistanceMeasureInput,
  updateInput: UpdateAssistanceMeasureInput,
  singular: 'assistanceMeasure',
  plural: 'assistanceMeasures',
  label: '帮扶措施',
  service: (ctx) => ctx.services.assistanceMeasure,
}) {
  @FieldResolver(() => Household, { nullable: true, description: 'Household helped. 帮扶对象户' })
  household(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, x.householdId);
  }

  @FieldResolver(() => Village, {
    nullable: true,
    description: 'Village, for a collective measure. 帮扶对象村',
  })
  village(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.village.findById(ctx.loaders, x.villageId);
  }

  @FieldResolver(() => RelocationSite, {
    nullable: true,
    description: 'Relocation site, for a collective measure. 安置点',
  })
  relocationSite(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.relocationSite.findById(ctx.loaders, x.relocationSiteId);
  }

  @FieldResolver(() => Department, { description: 'Responsible department. 责任单位' })
  responsibleDepartment(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.department.findById(ctx.loaders, x.responsibleDepartmentId);
  }

  @FieldResolver(() => HouseholdMember, { nullable: true, description: 'Member who benefits. 受益成员' })
  beneficiaryMember(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.householdMember.findById(ctx.loaders, x.beneficiaryMemberId);
  }

  @FieldResolver(() => MonitoringCase, { nullable: true, description: 'Monitoring case it serves. 监测对象' })
  monitoringCase(@Root() x: AssistanceMeasure, @Ctx() ctx: Context) {
    return ctx.services.monitoring.findById(ctx.loaders, x.monitoringCaseId);
  }
}
