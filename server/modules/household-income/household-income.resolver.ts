import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context';
import { CrudResolver } from '../../common/crud/crud.resolver';
import { Household } from '../household/household.entity';
import { HouseholdIncome, MonitoringThreshold } from './household-income.entity';
import {
  CreateHouseholdIncomeInput,
  CreateMonitoringThresholdInput,
  HouseholdIncomeConnection,
  HouseholdIncomeListArgs,
  MonitoringThresholdConnection,
  MonitoringThresholdListArgs,
  UpdateHouseholdIncomeInput,
  UpdateMonitoringThresholdInput,
} from './household-income.inputs';

@Resolver(() => HouseholdIncome)
export class HouseholdIncomeResolver extends CrudResolver({
  entity: HouseholdIncome,
  connection: HouseholdIncomeConnection,
  listArgs: HouseholdIncomeListArgs,
  createInput: CreateHouseholdIncomeInput,
  updateInput: UpdateHouseholdIncomeInput,
  singular: 'householdIncome',
  plural: 'householdIncomes',
  label: '家庭年度收支',
  service: (ctx) => ctx.services.householdIncome,
}) {
  @FieldResolver(() => Household, { description: 'Household. 农户' })
  household(@Root() x: HouseholdIncome, @Ctx() ctx: Context) {
    return ctx.services.household.findById(ctx.loaders, x.householdId);
  }
}

@Resolver(() => MonitoringThreshold)
export class MonitoringThresholdResolver extends CrudResolver({
  entity: MonitoringThreshold,
  connection: MonitoringThresholdConnection,
  listArgs: MonitoringThresholdListArgs,
  createInput: CreateMonitoringThresholdInput,
  updateInput: UpdateMonitoringThresholdInput,
  singular: 'monitoringThreshold',
  plural: 'monitoringThresholds',
  label: '监测收入标准',
  service: (ctx) => ctx.services.monitoringThreshold,
}) {}
