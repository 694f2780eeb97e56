import { DayInput } from '../common/DayInput';
import { Button as MuiButton, Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  ReferenceInput,
  SimpleForm,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Me } from '../auth/authProvider';
import { canStep } from '../auth/can';
import { gql } from '../providers/graphql';
import { ActionButton } from '../common/ActionButton';
import { enumChoices } from '../resources/enum-choices';

/** The steps a case can take next, by its status (the server enforces the same order). */
const NEXT: Record<string, StepName[]> = {
  CLUE: ['verify', 'reject'],
  VERIFIED: ['publicize', 'reject', 'visit'],
  PUBLICIZED: ['approve', 'reject', 'visit'],
  APPROVED: ['eliminate', 'visit'],
};

export type StepName = 'verify' | 'publicize' | 'approve' | 'reject' | 'eliminate' | 'visit';

const MUTATIONS: Record<StepName, (id: string, v: any) => [string, Record<string, unknown>]> = {
  verify: (id, v) => [
    'mutation($id: ID!, $input: VerifyMonitoringCaseInput!) { verifyMonitoringCase(id: $id, input: $input) { id } }',
    {
      id,
      input: {
        date: v.date || null,
        category: v.category,
        riskTypes: v.riskTypes,
        findings: v.findings,
      },
    },
  ],
  publicize: (id, v) => [
    'mutation($id: ID!, $input: MonitoringStepInput!) { publicizeMonitoringCase(id: $id, input: $input) { id } }',
    { id, input: { date: v.date || null } },
  ],
  approve: (id, v) => [
    'mutation($id: ID!, $input: MonitoringStepInput!) { approveMonitoringCase(id: $id, input: $input) { id } }',
    { id, input: { date: v.date || null } },
  ],
  reject: (id, v) => [
    'mutation($id: ID!, $input: RejectMonitoringCaseInput!) { rejectMonitoringCase(id: $id, input: $input) { id } }',
    { id, input: { date: v.date || null, reason: v.reason } },
  ],
  eliminate: (id, v) => [
    'mutation($id: ID!, $input: EliminateRiskInput!) { eliminateRisk(id: $id, input: $input) { id } }',
    { id, input: { date: v.date || null, method: v.method } },
  ],
  visit: (id, v) => [
    'mutation($input: RecordMonitoringVisitInput!) { recordMonitoringVisit(input: $input) { id } }',
    {
      input: {
        monitoringCaseId: id,
        visitor: v.visitor || null,
        visitDate: v.date || null,
        findings: v.findings,
        guaranteesChecked: Boolean(v.guaranteesChecked),
      },
    },
  ],
};

/** The inputs of each step besides its date (the signed-in user is recorded as taking it). */
function StepInputs({ step }: { step: StepName }) {
  switch (step) {
    case 'verify':
      return (
        <>
          <SelectInput
            source="category"
            label="app.monitoring.category"
            choices={enumChoices('MonitoringCategory')}
            validate={required()}
          />
          <SelectArrayInput
            source="riskTypes"
            label="app.monitoring.riskTypes"
            choices={enumChoices('RiskType')}
            validate={required()}
          />
          <TextInput source="findings" label="app.monitoring.findings" multiline validate={required()} />
        </>
      );
    case 'reject':
      return <TextInput source="reason" label="app.monitoring.reason" multiline validate={required()} />;
    case 'eliminate':
      return (
        <SelectInput
          source="method"
          label="app.monitoring.method"
          choices={enumChoices('EliminationMethod')}
          validate={required()}
        />
      );
    case 'visit':
      return (
        <>
          <TextInput
            source="visitor"
            label="app.monitoring.visitor"
            helperText="app.monitoring.visitorHelp"
          />
          <TextInput source="findings" label="app.monitoring.findings" multiline validate={required()} />
          <BooleanInput source="guaranteesChecked" label="app.monitoring.guaranteesChecked" />
        </>
      );
    default:
      return null;
  }
}

/** One step: a button opening a dialog; a refusal lists every unmet condition in the user's language. */
function StepButton({ step, caseId }: { step: StepName; caseId: string }) {
  return (
    <ActionButton
      label={`app.monitoring.step.${step}`}
      done={`app.monitoring.done.${step}`}
      variant={step === 'reject' || step === 'visit' ? 'outlined' : 'contained'}
      color={step === 'reject' ? 'warning' : 'primary'}
      run={(values) => {
        const [query, variables] = MUTATIONS[step](caseId, values);
        return gql(query, variables);
      }}
    >
      <DayInput source="date" label="app.monitoring.date" helperText="app.monitoring.dateHelp" />
      <StepInputs step={step} />
    </ActionButton>
  );
}

/** The buttons for the next steps of the case in context (none once it is closed). */
export function NextStepButtons() {
  const record = useRecordContext();
  const { permissions: me } = usePermissions<Me>();
  if (!record) return null;
  const steps = (NEXT[record.status as string] ?? []).filter((s) => canStep(me, s));
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1 }}>
      {steps.map((s) => (
        <StepButton key={s} step={s} caseId={String(record.id)} />
      ))}
    </Stack>
  );
}

/** 登记风险线索: opens a case (reportRisk); `?source={"householdId":"…"}` preselects the household. */
export function ReportRiskCreate() {
  return (
    <Create redirect="show" title="app.monitoring.reportRisk">
      <SimpleForm>
        <ReferenceInput source="householdId" reference="households">
          <AutocompleteInput
            optionText="householdNumber"
            filterToQuery={(q: string) => ({ q })}
            validate={required()}
          />
        </ReferenceInput>
        <SelectInput
          source="discoverySource"
          choices={enumChoices('DiscoverySource')}
          validate={required()}
        />
        <TextInput
          source="description"
          label="app.monitoring.description"
          multiline
          fullWidth
          validate={required()}
        />
        <DayInput source="clueDate" helperText="app.monitoring.dateHelp" />
      </SimpleForm>
    </Create>
  );
}

/** Button on a household page: report a risk of this household. */
export function ReportRiskButton() {
  const record = useRecordContext();
  const t = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  // One open case per household: the button shows only when there is none.
  if (!record || record.currentMonitoringCase || !canStep(me, 'report')) return null;
  const source = encodeURIComponent(JSON.stringify({ householdId: String(record.id) }));
  return (
    <MuiButton variant="outlined" href={`#/monitoringCases/create?source=${source}`} sx={{ my: 1 }}>
      {t('app.monitoring.reportRisk')}
    </MuiButton>
  );
}
