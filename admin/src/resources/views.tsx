import { DayInput } from '../common/DayInput';
import { MemberSectorFields } from '../exchange/MemberSectorFields';
import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
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
  SimpleList,
  TabbedShowLayoutTabs,
  Toolbar,
  SaveButton,
  DeleteButton,
  useUpdate,
} from 'react-admin';
import { ExportButtons } from './export';
import { MonitoringCaseShow } from '../monitoring/CaseShow';
import { AssetShow } from '../ledger/AssetShow';
import { DisposalDecision } from '../ledger/Disposals';
import { HouseholdTimeline } from '../monitoring/HouseholdTimeline';
import { ReportRiskButton } from '../monitoring/steps';
import { cleanUserScope, IdNumberField, ResetPasswordButton, ScopeInputs } from '../auth/screens';
import type { Me } from '../auth/authProvider';
import { canDelete, canReveal, canWrite } from '../auth/can';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button as MuiButton, Card, CardContent, Chip, Dialog, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { enumChoices } from './enum-choices';
import { byName, FieldSpec, householdLabel, representation, resources, ResourceSpec } from './config';
import { formatDateTime, formatQuantity, useIsSmall } from '../common/format';
import { RecordVisitButton } from '../visits/VisitForm';
import { useReadErrorHandler } from '../common/readErrors';
import { isNetworkError } from '../providers/graphql';
import { entityLabel, operationLabel } from './audit-labels';

/** Read-only rendering of one field. */
export function FieldView({ f }: { f: FieldSpec; label?: string }) {
  const translate = useTranslate();
  if (f.source === 'idNumber') return <IdNumberField />;
  if (f.source === 'quantity')
    return <FunctionField source={f.source} render={(r: any) => formatQuantity(r[f.source])} />;
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
      // YYYY-MM-DD HH:mm, China Standard Time, whatever the browser's zone
      return <FunctionField source={f.source} render={(r: any) => formatDateTime(r[f.source])} />;
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
/**
 * Yuan ≥ 0 with at most two decimals (the server's Decimal rule), for instant feedback; thousands
 * separators are accepted as the ledger import accepts them (1,234.50), and dropped when sent.
 */
export const moneyRule = (value: unknown) =>
  value === null || value === undefined || value === '' || MONEY.test(String(value).replace(/,/g, ''))
    ? undefined
    : 'errors.INVALID_MONEY';

/** Mobile 1[3-9] + 9 digits (optional +86) or landline 0xxx-xxxxxxx (optional extension), as the server checks. */
const PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
export const phoneRule = (value: unknown) =>
  !value || String(value).includes('*') || PHONE.test(String(value).trim())
    ? undefined
    : 'errors.INVALID_PHONE';

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
function FieldInput({ f }: { f: FieldSpec; source?: string; label?: string }) {
  const validate = [
    ...(f.required ? [required()] : []),
    ...(f.type === 'money' ? [moneyRule] : []),
    ...(f.source === 'idNumber' ? [idNumberRule] : []),
    ...(f.source === 'phone' ? [phoneRule] : []),
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
            optionText={f.of === 'households' ? (h: any) => householdLabel(h, true) : target.title}
            filterToQuery={(q: string) => ({ q })}
            validate={validate}
          />
        </ReferenceInput>
      );
    }
    case 'date':
      return <DayInput source={f.source} validate={validate} />;
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
function VillageOfTownshipFilter({ alwaysOn }: { alwaysOn?: boolean; source?: string; label?: string }) {
  const { filterValues } = useListContext();
  const township = filterValues.townshipOfVillage;
  return (
    <ReferenceInput
      source="villageId"
      reference="villages"
      filter={township ? { townshipId: township } : {}}
      alwaysOn={alwaysOn}
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
      <ReferenceInput
        key="t"
        source="townshipOfVillage"
        reference="townships"
        label="resources.households.fields.township"
        alwaysOn
      >
        <SelectInput optionText="name" label="resources.households.fields.township" />
      </ReferenceInput>,
    );
  }
  for (const f of r.fields.filter((x) => x.range)) {
    for (const op of ['gte', 'lte'] as const) {
      const source = `${f.source}_${op}`;
      const label = `app.range.${op}`;
      list.push(
        f.type === 'date' || f.type === 'datetime' ? (
          <DayInput key={source} source={source} label={<RangeLabel f={f} r={r} op={label} />} />
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
    // The filter menu (增加检索) names an entry by its element's `label` or `source`: give both.
    const named = { source: f.source, label: `resources.${r.name}.fields.${f.source}` };
    if (r.name === 'households' && f.source === 'villageId') {
      list.push(<VillageOfTownshipFilter key={f.source} {...named} />);
      continue;
    }
    if (f.type === 'bool') list.push(<BooleanInput key={f.source} {...named} />);
    else list.push(<FieldInput key={f.source} f={{ ...f, required: false }} {...named} />);
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

/** The secondary line of a record on the phone: its other list fields, as words. */
function SecondaryLine({ r, record }: { r: ResourceSpec; record: any }) {
  const t = useTranslate();
  const shown = r.fields.filter((f) => f.list && f.source !== r.title && f.type !== 'ref').slice(0, 3);
  return (
    <>
      {shown
        .map((f) => {
          const v = record[f.source];
          if (v === null || v === undefined || v === '') return null;
          if (f.type === 'enum') return t(`enums.${f.of}.${v}`);
          if (f.type === 'enums') return (v as string[]).map((x) => t(`enums.${f.of}.${x}`)).join('、');
          if (f.type === 'bool') return v ? t(`resources.${r.name}.fields.${f.source}`) : null;
          if (f.type === 'money')
            return `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
          if (f.type === 'datetime') return formatDateTime(v);
          return String(v);
        })
        .filter(Boolean)
        .join(' · ')}
    </>
  );
}

/** What an empty list says: nothing yet (and how to add one), or nothing matching the filters. */
function EmptyList() {
  const t = useTranslate();
  const { hasCreate } = useResourceDefinition();
  const { filterValues } = useListContext();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return (
    <Box sx={{ p: 3, textAlign: 'center' }} data-testid="empty">
      <Typography variant="body1">{t('app.empty.hint')}</Typography>
      {(filtered || hasCreate) && (
        <Typography variant="body2" color="text.secondary">
          {t(filtered ? 'app.empty.filter' : 'app.empty.create')}
        </Typography>
      )}
      {hasCreate && !filtered && <CreateButton sx={{ mt: 2 }} />}
    </Box>
  );
}

/** A list whose read failed is no empty list: it says so, with 重试 (not 「暂无记录」). */
function ListError() {
  const t = useTranslate();
  const refresh = useRefresh();
  const { error } = useListContext();
  return (
    <Alert
      severity="error"
      sx={{ m: 2 }}
      data-testid="list-error"
      action={
        <MuiButton color="inherit" onClick={() => refresh()} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {t('app.retry')}
        </MuiButton>
      }
    >
      {isNetworkError(error)
        ? t('errors.NETWORK')
        : t((error as any)?.message ?? 'errors.INTERNAL', { _: t('errors.INTERNAL') })}
    </Alert>
  );
}

/** The list's page numbers, hidden while its read has failed (no 「1-25 / 25」 beside the error). */
function ListPagination() {
  const { error } = useListContext();
  return error ? null : <Pagination />;
}

/** The asset of a disposal request: code, name, village and original value (many assets share a name). */
const DisposalAssetField = (_: { label?: string }) => (
  <FunctionField
    render={(d: any) =>
      d.asset ? (
        <Box>
          <Typography variant="body2">
            {d.asset.assetCode} {d.asset.name}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {[
              d.asset.village?.name,
              `¥${Number(d.asset.originalValueYuan).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </Box>
      ) : (
        '—'
      )
    }
  />
);

/** 户主 of a household row (the households list, pickers, worklists). */
const HeadField = (_: { label?: string }) => <FunctionField render={(h: any) => h.head?.name ?? '—'} />;

export function ResourceList({ r }: { r: ResourceSpec }) {
  const { permissions: me } = usePermissions<Me>();
  const small = useIsSmall();
  const name = representation(r);
  return (
    <List
      filters={filters(r, me)}
      sort={r.sort ?? { field: 'id', order: 'ASC' }}
      perPage={25}
      actions={<ListActions />}
      empty={false}
      pagination={<ListPagination />}
      error={<ListError />}
    >
      {small ? (
        // One line per record on the phone, as react-admin's own demo does; a tap opens it.
        <SimpleList
          primaryText={(record: any) =>
            r.name === 'households'
              ? `${record.head?.name ?? '—'} · ${record.householdNumber}`
              : name(record) || `#${record.id}`
          }
          secondaryText={(record: any) =>
            r.name === 'households' ? (
              `${record.village?.name ?? ''}`
            ) : (
              <SecondaryLine r={r} record={record} />
            )
          }
          linkType="show"
          empty={<EmptyList />}
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyList />}>
          {r.name === 'households' && <HeadField label="app.household.head" />}
          {r.name === 'assetDisposals' && <DisposalAssetField label="app.disposals.asset" />}
          {r.fields
            .filter((f) => f.list && !(r.name === 'assetDisposals' && f.source === 'assetId'))
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
      )}
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

/** The household's key facts on one card: head, number, village, type, people, case, cadre, phone. */
function HouseholdKeyFacts() {
  const h = useRecordContext();
  const t = useTranslate();
  if (!h) return null;
  const facts: [string, string][] = [
    [t('app.household.head'), h.head?.name ?? t('app.household.noHead')],
    [t('resources.households.fields.householdNumber'), h.householdNumber],
    [t('app.household.village'), h.village?.name ?? ''],
    [t('resources.households.fields.householdType'), t(`enums.HouseholdType.${h.householdType}`)],
    [t('resources.households.fields.memberCount'), String(h.memberCount ?? '—')],
    [
      t('resources.monitoringCases.name', { smart_count: 1 }),
      h.currentMonitoringCase ? t(`enums.MonitoringStatus.${h.currentMonitoringCase.status}`) : '—',
    ],
    [t('resources.households.fields.cadreName'), h.cadreName ?? '—'],
    [t('resources.households.fields.phone'), h.phone ?? '—'],
  ];
  return (
    <Card variant="outlined" sx={{ m: 1 }} data-testid="key-facts">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'auto 1fr',
            columnGap: 2,
            rowGap: 0.5,
            flex: '1 1 260px',
          }}
        >
          {facts.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography variant="body2" color="text.secondary">
                {k}
              </Typography>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {v}
              </Typography>
            </Box>
          ))}
        </Box>
        <Box sx={{ width: { xs: '100%', sm: 'auto' } }}>
          <RecordVisitButton household={h} />
        </Box>
      </CardContent>
    </Card>
  );
}

/** A measure for this household (or case), prefilled: the 帮扶措施 tab's and the case page's add button. */
export function AddMeasureButton({ householdId, caseId }: { householdId: string; caseId?: string }) {
  const { permissions: me } = usePermissions<Me>();
  if (!canWrite(me, 'assistanceMeasures')) return null;
  return (
    <CreateButton
      resource="assistanceMeasures"
      label="app.measures.add"
      state={{ record: { householdId, ...(caseId ? { monitoringCaseId: caseId } : {}) } }}
    />
  );
}

/** A household: its key facts, then tabs of details, members, measures, monitoring and relocation. */
function HouseholdShow({ r }: { r: ResourceSpec }) {
  const onError = useReadErrorHandler();
  const relocation = ['relocationSiteId', 'movedInAt'];
  const small = useIsSmall();
  const members = [
    'name',
    'idNumber',
    'relationToHead',
    'gender',
    'birthMonth',
    'healthStatus',
    'laborCapacity',
  ];
  return (
    <Show queryOptions={{ onError }}>
      <HouseholdKeyFacts />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
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
            {small ? (
              <SimpleList
                primaryText={(m: any) => m.name}
                secondaryText={(m: any) => <MemberLine m={m} />}
                tertiaryText={() => <MemberEditInPlace />}
                linkType={false}
              />
            ) : (
              <Datagrid rowClick={false} bulkActionButtons={false}>
                {members.map((source) => (
                  <FieldView key={source} f={member(source)} {...({ source, sortable: false } as any)} />
                ))}
                <MemberEditInPlace />
              </Datagrid>
            )}
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.tabs.measures" path="measures">
          <HouseholdAddMeasure />
          <ReferenceManyField reference="assistanceMeasures" target="householdId">
            {small ? (
              <SimpleList
                primaryText={(m: any) => m.description}
                secondaryText={(m: any) => <SecondaryLine r={byName.get('assistanceMeasures')!} record={m} />}
                linkType="show"
              />
            ) : (
              <Datagrid rowClick="show" bulkActionButtons={false}>
                {byName
                  .get('assistanceMeasures')!
                  .fields.filter((f) => f.list && f.source !== 'householdId')
                  .map((f) => (
                    <FieldView key={f.source} f={f} {...({ source: f.source, sortable: false } as any)} />
                  ))}
              </Datagrid>
            )}
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

function HouseholdAddMeasure() {
  const h = useRecordContext();
  return h ? <AddMeasureButton householdId={String(h.id)} caseId={h.currentMonitoringCase?.id} /> : null;
}

/** A member's relation, gender, birth date, health and labour on one line (the phone's members list). */
function MemberLine({ m }: { m: any }) {
  const t = useTranslate();
  return (
    <>
      {[
        m.relationToHead && t(`enums.RelationToHead.${m.relationToHead}`),
        m.gender && t(`enums.Gender.${m.gender}`),
        m.birthMonth,
        m.healthStatus && t(`enums.HealthStatus.${m.healthStatus}`),
        m.laborCapacity && t(`enums.LaborCapacity.${m.laborCapacity}`),
        m.idNumber,
      ]
        .filter(Boolean)
        .join(' · ')}
    </>
  );
}

export function ResourceShow({ r }: { r: ResourceSpec }) {
  if (r.name === 'households') return <HouseholdShow r={r} />;
  if (r.name === 'assets') return <AssetShow />;
  if (r.name === 'monitoringCases') return <MonitoringCaseShow />;
  if (r.name === 'users') return <UserShow r={r} />;
  return <PlainShow r={r} />;
}

function PlainShow({ r }: { r: ResourceSpec }) {
  const onError = useReadErrorHandler();
  const disposal = r.name === 'assetDisposals';
  return (
    <Show
      queryOptions={{ onError }}
      actions={
        disposal ? (
          <TopToolbar>
            <DisposalDecision />
          </TopToolbar>
        ) : undefined
      }
    >
      <SimpleShowLayout>
        {disposal && <DisposalAssetField label="app.disposals.asset" />}
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
  const onError = useReadErrorHandler();
  return (
    <Show
      queryOptions={{ onError }}
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

const USER_SCOPE = ['townshipId', 'villageId', 'departmentId'];

function Form({ r, creating }: { r: ResourceSpec; creating: boolean }) {
  const users = r.name === 'users';
  return (
    <SimpleForm toolbar={creating ? undefined : <EditToolbar r={r} />}>
      {r.fields
        .filter((f) => !f.readOnly && f.type !== 'derived' && (creating || !f.createOnly))
        .filter((f) => !users || !USER_SCOPE.includes(f.source))
        .map((f) => (
          <FieldInput key={f.source} f={f} />
        ))}
      {users && <ScopeInputs />}
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
  const onReadError = useReadErrorHandler();
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
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      queryOptions={{ onError: onReadError }}
      transform={r.name === 'users' ? cleanUserScope : undefined}
    >
      <Form r={r} creating={false} />
    </Edit>
  );
}

/** The edit toolbar: save, and delete only where the API deletes (a user is disabled instead). */
function EditToolbar({ r }: { r: ResourceSpec }) {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {r.name === 'users' ? (
        <DisableUserButton />
      ) : canDelete(r.name) ? (
        <DeleteButton mutationMode="pessimistic" />
      ) : null}
    </Toolbar>
  );
}

/** 停用 / 启用: what the API offers for a user (updateUser with `disabled`); a disabled user cannot sign in. */
export function DisableUserButton() {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  if (!record) return null;
  const disabling = !record.disabled;
  return (
    <Button
      label={disabling ? 'app.users.disable' : 'app.users.enable'}
      color={disabling ? 'error' : 'primary'}
      disabled={isPending}
      onClick={() =>
        update(
          'users',
          { id: record.id, data: { ...record, disabled: disabling }, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => (notify(disabling ? 'app.users.disabled' : 'app.users.enabled'), refresh()),
            onError: (e: any) => notify(e?.message ?? 'ra.notification.http_error', { type: 'error' }),
          },
        )
      }
    >
      {disabling ? <BlockIcon /> : <CheckCircleIcon />}
    </Button>
  );
}

export const ResourceCreate = ({ r }: { r: ResourceSpec }) => (
  <Create redirect="show">
    <Form r={r} creating />
  </Create>
);
