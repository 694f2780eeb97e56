import { MemberSectorFields } from '../exchange/MemberSectorFields';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  DateInput,
  Edit,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  useTranslate,
  ArrayInput,
  SimpleFormIterator,
  ReferenceManyField,
  TabbedShowLayout,
  Button,
  EditBase,
  useRecordContext,
  TopToolbar,
  EditButton,
  usePermissions,
  useResourceDefinition,
  FilterButton,
  CreateButton,
  useListContext,
  Pagination,
  useNotify,
  useRefresh,
} from 'react-admin';
import { ExportButtons } from './export';
import { MonitoringCaseShow } from '../monitoring/CaseShow';
import { AssetShow } from '../ledger/AssetShow';
import { DisposalDecision } from '../ledger/Disposals';
import { HouseholdTimeline } from '../monitoring/HouseholdTimeline';
import { ReportRiskButton } from '../monitoring/steps';
import { IdNumberField, ResetPasswordButton } from '../auth/screens';
import type { Me } from '../auth/authProvider';
import { canReveal, canWrite } from '../auth/can';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Button as MuiButton, Chip, Dialog } from '@mui/material';
import { enumChoices } from './enum-choices';
import { byName, FieldSpec, resources, ResourceSpec } from './config';

/** Read-only rendering of one field. */
/**
 * An audit event's operation in words: 新增农户, 修改资产, 登录失败, … (mutation names are
 * create/update/delete + type, or a domain verb named in app.audit.operations).
 */
function operationLabel(op: string, t: (k: string, o?: any) => string): string {
  const named = t(`app.audit.operations.${op}`, { _: '' });
  if (named) return named;
  const m = /^(create|update|delete)(.+)$/.exec(op);
  const r = m && resources.find((x) => (x.mutationType ?? x.type) === m[2]);
  return m && r ? `${t(`app.audit.verbs.${m[1]}`)}${t(`resources.${r.name}.name`, { smart_count: 1 })}` : op;
}

function entityLabel(entity: string, t: (k: string, o?: any) => string): string {
  const r = resources.find((x) => x.type === entity);
  return r ? t(`resources.${r.name}.name`, { smart_count: 1 }) : entity;
}

export function FieldView({ f }: { f: FieldSpec; label?: string }) {
  const translate = useTranslate();
  if (f.source === 'idNumber') return <IdNumberField />;
  if (f.source === 'operation' || f.source === 'entity')
    return (
      <FunctionField
        source={f.source}
        render={(r: any) =>
          r[f.source]
            ? (f.source === 'operation' ? operationLabel : entityLabel)(r[f.source], translate)
            : '—'
        }
      />
    );
  switch (f.type) {
    case 'enum':
      return (
        <FunctionField
          source={f.source}
          render={(r: any) => (r[f.source] ? translate(`enums.${f.of}.${r[f.source]}`) : '')}
        />
      );
    case 'enums':
      return (
        <FunctionField
          source={f.source}
          render={(r: any) =>
            (r[f.source] ?? []).map((v: string) => (
              <Chip key={v} size="small" sx={{ mr: 0.5 }} label={translate(`enums.${f.of}.${v}`, { _: v })} />
            ))
          }
        />
      );
    case 'datetime':
      return <DateField source={f.source} locales="zh-CN" showTime emptyText="—" />;
    case 'json':
      return (
        <FunctionField
          source={f.source}
          render={(r: any) =>
            r[f.source] ? (
              <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
                {JSON.stringify(JSON.parse(r[f.source]), null, 2)}
              </pre>
            ) : (
              '—'
            )
          }
        />
      );
    case 'ref':
      return <ReferenceField source={f.source} reference={f.of!} link="show" emptyText="—" />;
    case 'date':
      // Dates as the API gives them (YYYY-MM-DD), the same on every page.
      return <FunctionField source={f.source} render={(r: any) => r[f.source] ?? '—'} />;
    case 'money':
      return (
        <NumberField
          source={f.source}
          locales="zh-CN"
          options={{ style: 'currency', currency: 'CNY' }}
          emptyText="—"
        />
      );
    case 'bool':
      return <BooleanField source={f.source} />;
    case 'int':
    case 'derived':
      return <TextField source={f.source} emptyText="—" />;
    default:
      return <TextField source={f.source} emptyText="—" />;
  }
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;
/** Yuan ≥ 0 with at most two decimals (the server's Decimal rule), for instant feedback. */
export const moneyRule = (value: unknown) =>
  value === null || value === undefined || value === '' || MONEY.test(String(value))
    ? undefined
    : 'errors.INVALID_MONEY';

/** GB 11643-1999 check digit, mirrored from the server for instant feedback (the server decides). */
export function idNumberRule(value: unknown) {
  // A masked number (620402***********4) is the stored one, unchanged: it is not sent.
  if (!value || String(value).includes('*')) return undefined;
  const v = String(value).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'errors.ID_NUMBER_FORMAT';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17] ? undefined : 'errors.ID_NUMBER_CHECK_DIGIT';
}

/** A measure's monitoring case: only the cases of the household chosen in the same form. */
function CaseOfHouseholdInput({ validate }: { validate: any[] }) {
  const householdId = useWatch({ name: 'householdId' });
  const t = useTranslate();
  return (
    <ReferenceInput
      source="monitoringCaseId"
      reference="monitoringCases"
      filter={householdId ? { householdId } : { id: [] }}
      sort={{ field: 'clueDate', order: 'DESC' }}
    >
      <AutocompleteInput
        optionText={(c: any) => `#${c.id} ${c.clueDate ?? ''} ${t(`enums.MonitoringStatus.${c.status}`)}`}
        filterToQuery={() => ({})}
        noOptionsText={t(householdId ? 'app.none' : 'app.monitoring.chooseHousehold')}
        validate={validate}
      />
    </ReferenceInput>
  );
}

/** Editable rendering of one field. */
function FieldInput({ f }: { f: FieldSpec }) {
  const validate = [
    ...(f.required ? [required()] : []),
    ...(f.type === 'money' ? [moneyRule] : []),
    ...(f.source === 'idNumber' ? [idNumberRule] : []),
  ];
  switch (f.type) {
    case 'enum':
      return <SelectInput source={f.source} choices={enumChoices(f.of!)} validate={validate} />;
    case 'ref': {
      if (f.source === 'monitoringCaseId') return <CaseOfHouseholdInput validate={validate} />;
      const target = byName.get(f.of!)!;
      return (
        <ReferenceInput source={f.source} reference={f.of!}>
          <AutocompleteInput
            optionText={target.title}
            filterToQuery={(q: string) => ({ q })}
            validate={validate}
          />
        </ReferenceInput>
      );
    }
    case 'date':
      return <DateInput source={f.source} validate={validate} />;
    case 'bool':
      return <BooleanInput source={f.source} />;
    case 'int':
      return <NumberInput source={f.source} validate={validate} />;
    case 'longtext':
      return <TextInput source={f.source} multiline fullWidth validate={validate} />;
    default:
      return <TextInput source={f.source} validate={validate} />;
  }
}

function RangeLabel({ f, r, op }: { f: FieldSpec; r: ResourceSpec; op: string }) {
  const t = useTranslate();
  return (
    <>
      {t(`resources.${r.name}.fields.${f.source}`)} {t(op)}
    </>
  );
}

/** Village picker limited to the township chosen in the township filter (cascading). */
function VillageOfTownshipFilter(props: { alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  const township = filterValues.townshipOfVillage;
  return (
    <ReferenceInput
      source="villageId"
      reference="villages"
      filter={township ? { townshipId: township } : {}}
      {...props}
    >
      <AutocompleteInput
        optionText="name"
        filterToQuery={(q: string) => ({ q })}
        label="resources.households.fields.villageId"
      />
    </ReferenceInput>
  );
}

function filters(r: ResourceSpec, me?: Me | null) {
  // Members are searched by name or ID number: personal data, not for roles that see it masked.
  const personalSearch = r.name === 'householdMembers' && !canReveal(me);
  const list = r.noSearch || personalSearch ? [] : [<SearchInput key="q" source="q" alwaysOn />];
  if (r.townshipVia && (!me || !['TOWNSHIP_OFFICER', 'VILLAGE_CADRE'].includes(me.role))) {
    list.push(
      <ReferenceInput key="t" source="townshipOfVillage" reference="townships" alwaysOn>
        <SelectInput optionText="name" label="resources.households.fields.township" />
      </ReferenceInput>,
    );
  }
  for (const f of r.fields.filter((x) => x.range)) {
    for (const op of ['gte', 'lte'] as const) {
      const source = `${f.source}_${op}`;
      const label = `app.range.${op}`;
      list.push(
        f.type === 'date' ? (
          <DateInput key={source} source={source} label={<RangeLabel f={f} r={r} op={label} />} />
        ) : (
          <TextInput
            key={source}
            source={source}
            label={<RangeLabel f={f} r={r} op={label} />}
            validate={moneyRule}
          />
        ),
      );
    }
  }
  for (const f of r.fields.filter((x) => x.filter)) {
    if (r.name === 'households' && f.source === 'villageId') {
      list.push(<VillageOfTownshipFilter key={f.source} />);
      continue;
    }
    if (f.type === 'bool') list.push(<BooleanInput key={f.source} source={f.source} />);
    else list.push(<FieldInput key={f.source} f={{ ...f, required: false }} />);
  }
  return list;
}

function ListActions() {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
}

export function ResourceList({ r }: { r: ResourceSpec }) {
  const { permissions: me } = usePermissions<Me>();
  return (
    <List
      filters={filters(r)}
      sort={r.sort ?? { field: 'id', order: 'ASC' }}
      perPage={25}
      actions={<ListActions />}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {r.fields
          .filter((f) => f.list)
          .map((f) => (
            <FieldView
              key={f.source}
              f={f}
              label={`resources.${r.name}.fields.${f.source}`}
              {...({ source: f.source, sortable: Boolean(f.sortable) } as any)}
            />
          ))}
        {r.name === 'assetDisposals' && <DisposalDecision />}
      </Datagrid>
    </List>
  );
}

const member = (source: string) => byName.get('householdMembers')!.fields.find((f) => f.source === source)!;

/** Edits a member from the household page, in a dialog over it (the page stays, then refreshes). */
function MemberEditInPlace() {
  const record = useRecordContext();
  const [open, setOpen] = useState(false);
  const refresh = useRefresh();
  const { permissions: me } = usePermissions<Me>();
  if (!record || !canWrite(me, 'householdMembers')) return null;
  return (
    <>
      <Button label="ra.action.edit" onClick={(e) => (e.stopPropagation(), setOpen(true))}>
        <EditIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <EditBase
          resource="householdMembers"
          id={record.id}
          mutationMode="pessimistic"
          redirect={false}
          mutationOptions={{ onSuccess: () => (setOpen(false), refresh()) }}
        >
          <Form r={byName.get('householdMembers')!} creating={false} />
        </EditBase>
      </Dialog>
    </>
  );
}

/** A household: its own fields, then tabs of members, measures and relocation. */
function HouseholdShow({ r }: { r: ResourceSpec }) {
  const relocation = ['relocationSiteId', 'movedInAt'];
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.tabs.household">
          {r.fields
            .filter((f) => !relocation.includes(f.source))
            .map((f) => (
              <FieldView key={f.source} f={f} {...({ source: f.source } as any)} />
            ))}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.members" path="members">
          <ReferenceManyField
            reference="householdMembers"
            target="householdId"
            sort={{ field: 'birthMonth', order: 'ASC' }}
          >
            <Datagrid rowClick={false} bulkActionButtons={false}>
              {[
                'name',
                'idNumber',
                'relationToHead',
                'gender',
                'birthMonth',
                'healthStatus',
                'laborCapacity',
              ].map((source) => (
                <FieldView key={source} f={member(source)} {...({ source, sortable: false } as any)} />
              ))}
              <MemberEditInPlace />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.measures" path="measures">
          <ReferenceManyField reference="assistanceMeasures" target="householdId">
            <Datagrid rowClick="show" bulkActionButtons={false}>
              {byName
                .get('assistanceMeasures')!
                .fields.filter((f) => f.list && f.source !== 'householdId')
                .map((f) => (
                  <FieldView key={f.source} f={f} {...({ source: f.source, sortable: false } as any)} />
                ))}
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.monitoring" path="monitoring">
          <ReportRiskButton />
          <HouseholdTimeline />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.relocation" path="relocation">
          {r.fields
            .filter((f) => relocation.includes(f.source))
            .map((f) => (
              <FieldView key={f.source} f={f} {...({ source: f.source } as any)} />
            ))}
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

export function ResourceShow({ r }: { r: ResourceSpec }) {
  if (r.name === 'households') return <HouseholdShow r={r} />;
  if (r.name === 'assets') return <AssetShow />;
  if (r.name === 'monitoringCases') return <MonitoringCaseShow />;
  if (r.name === 'users') return <UserShow r={r} />;
  return (
    <Show>
      <SimpleShowLayout>
        {r.fields.map((f) => (
          <FieldView key={f.source} f={f} {...({ source: f.source } as any)} />
        ))}
        {r.name === 'householdMembers' && <MemberSectorFields />}
        {(r.related ?? []).map(({ resource, target }) => {
          const rel = byName.get(resource)!;
          return (
            <ReferenceManyField
              key={resource}
              reference={resource}
              target={target}
              label={`app.related.${resource}`}
              pagination={<Pagination />}
            >
              <Datagrid rowClick="show" bulkActionButtons={false}>
                {rel.fields
                  .filter((x) => x.list && x.source !== target)
                  .map((x) => (
                    <FieldView key={x.source} f={x} {...({ source: x.source, sortable: false } as any)} />
                  ))}
              </Datagrid>
            </ReferenceManyField>
          );
        })}
      </SimpleShowLayout>
    </Show>
  );
}

function UserShow({ r }: { r: ResourceSpec }) {
  return (
    <Show
      actions={
        <TopToolbar>
          <ResetPasswordButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        {r.fields.map((f) => (
          <FieldView key={f.source} f={f} {...({ source: f.source } as any)} />
        ))}
      </SimpleShowLayout>
    </Show>
  );
}

function Form({ r, creating }: { r: ResourceSpec; creating: boolean }) {
  return (
    <SimpleForm>
      {r.fields
        .filter((f) => !f.readOnly && f.type !== 'derived' && (creating || !f.createOnly))
        .map((f) => (
          <FieldInput key={f.source} f={f} />
        ))}
      {r.name === 'households' && creating && (
        <ArrayInput source="members" label="app.tabs.members">
          <SimpleFormIterator inline>
            {['name', 'idNumber', 'relationToHead', 'educationLevel', 'laborCapacity'].map((source) => (
              <FieldInput key={source} f={member(source)} />
            ))}
          </SimpleFormIterator>
        </ArrayInput>
      )}
      {r.name === 'assets' && (
        <ArrayInput source="fundings" validate={required()}>
          <SimpleFormIterator inline>
            <SelectInput source="source" choices={enumChoices('FundingSource')} validate={required()} />
            <TextInput source="amountYuan" validate={[required(), moneyRule]} />
          </SimpleFormIterator>
        </ArrayInput>
      )}
    </SimpleForm>
  );
}

/** Edit: a CONFLICT (someone else saved first) says so and offers to reload the record. */
export function ResourceEdit({ r }: { r: ResourceSpec }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const t = useTranslate();
  const onError = (error: any) => {
    if (error?.body?.reason === 'STALE_VERSION') {
      notify(
        <Alert severity="warning" action={<MuiButton onClick={() => refresh()}>{t('app.reload')}</MuiButton>}>
          {t('errors.STALE_VERSION')}
        </Alert>,
        { autoHideDuration: null },
      );
    } else notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
  };
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }}>
      <Form r={r} creating={false} />
    </Edit>
  );
}

export const ResourceCreate = ({ r }: { r: ResourceSpec }) => (
  <Create redirect="show">
    <Form r={r} creating />
  </Create>
);
