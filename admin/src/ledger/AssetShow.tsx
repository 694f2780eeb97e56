import { useReadErrorHandler } from '../common/readErrors';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  ArrayField,
  Datagrid,
  DateInput,
  FormDataConsumer,
  FunctionField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  required,
  SelectInput,
  Show,
  SimpleFormIterator,
  TabbedShowLayout,
  TextField,
  TextInput,
  usePermissions,
  useRecordContext,
  useTranslate,
  TabbedShowLayoutTabs,
} from 'react-admin';
import type { Me } from '../auth/authProvider';
import { canWrite } from '../auth/can';
import { ActionButton } from '../common/ActionButton';
import { gql } from '../providers/graphql';
import { byName } from '../resources/config';
import { enumChoices } from '../resources/enum-choices';
import { FieldView, moneyRule } from '../resources/views';

const yuan = (v: string | number) =>
  Number(v).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY' });
const cents = (v: unknown) => Math.round(Number(v || 0) * 100);

/** The lifecycle steps of an asset (确权, 移交, 管护, 状态变更, 处置申请), by its state and the user's role. */
function LifecycleButtons() {
  const a = useRecordContext();
  const { permissions: me } = usePermissions<Me>();
  if (!a || a.status === 'DISPOSED' || !canWrite(me, 'assets')) return null;
  const step = (mutation: string, input: string) => (values: any) =>
    gql(`mutation($id: ID!, $input: ${input}!) { ${mutation}(id: $id, input: $input) { id } }`, {
      id: a.id,
      input: values,
    });
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap' }}>
      <ActionButton
        label="app.ledger.confirm"
        done="app.ledger.saved"
        run={(v) => step('confirmAssetRights', 'ConfirmAssetRightsInput')({ ...v, date: v.date || null })}
        defaultValues={{ owner: a.owner, operator: a.operator, ownershipLevel: a.ownershipLevel }}
      >
        <DateInput source="date" label="app.ledger.date" helperText="app.monitoring.dateHelp" />
        <TextInput
          source="documentNo"
          label="resources.assets.fields.rightsDocumentNo"
          validate={required()}
        />
        <SelectInput
          source="ownershipLevel"
          label="resources.assets.fields.ownershipLevel"
          choices={enumChoices('OwnershipLevel')}
        />
        <TextInput source="owner" label="resources.assets.fields.owner" />
        <TextInput source="operator" label="resources.assets.fields.operator" />
      </ActionButton>
      {a.rightsConfirmedAt && (
        <ActionButton
          label="app.ledger.handOver"
          done="app.ledger.saved"
          run={(v) => step('handOverAsset', 'HandOverAssetInput')({ ...v, date: v.date || null })}
          defaultValues={{ custodian: a.custodian }}
        >
          <DateInput source="date" label="app.ledger.date" helperText="app.monitoring.dateHelp" />
          <TextInput
            source="documentNo"
            label="resources.assets.fields.handoverDocumentNo"
            validate={required()}
          />
          <TextInput source="custodian" label="resources.assets.fields.custodian" />
        </ActionButton>
      )}
      <ActionButton
        label="app.ledger.custody"
        done="app.ledger.saved"
        run={step('assignAssetCustodian', 'AssignAssetCustodianInput')}
        defaultValues={{ custodian: a.custodian, custodianPerson: a.custodianPerson }}
      >
        <TextInput source="custodian" label="resources.assets.fields.custodian" validate={required()} />
        <TextInput
          source="custodianPerson"
          label="resources.assets.fields.custodianPerson"
          validate={required()}
        />
      </ActionButton>
      <ActionButton
        label="app.ledger.status"
        done="app.ledger.saved"
        run={(v) => step('changeAssetStatus', 'ChangeAssetStatusInput')({ ...v, date: v.date || null })}
      >
        <SelectInput
          source="status"
          label="resources.assets.fields.status"
          choices={enumChoices('AssetStatus').filter((c) => ['IN_USE', 'IDLE'].includes(c.id))}
          validate={required()}
        />
        <TextInput source="reason" label="resources.assets.fields.statusReason" validate={required()} />
        <DateInput source="date" label="app.ledger.date" helperText="app.monitoring.dateHelp" />
      </ActionButton>
      <ActionButton
        label="app.ledger.requestDisposal"
        done="app.ledger.requested"
        color="warning"
        run={(v) =>
          gql('mutation($input: RequestAssetDisposalInput!) { requestAssetDisposal(input: $input) { id } }', {
            input: { ...v, assetId: a.id, expectedProceedsYuan: String(v.expectedProceedsYuan ?? '0') },
          })
        }
        defaultValues={{ expectedProceedsYuan: '0' }}
      >
        <SelectInput
          source="reason"
          label="resources.assetDisposals.fields.reason"
          choices={enumChoices('DisposalReason')}
          validate={required()}
        />
        <SelectInput
          source="method"
          label="resources.assetDisposals.fields.method"
          choices={enumChoices('DisposalMethod')}
          validate={required()}
        />
        <TextInput
          source="explanation"
          label="resources.assetDisposals.fields.explanation"
          multiline
          validate={required()}
        />
        <TextInput
          source="expectedProceedsYuan"
          label="resources.assetDisposals.fields.expectedProceedsYuan"
          validate={[required(), moneyRule]}
        />
      </ActionButton>
    </Stack>
  );
}

/** Shares by purpose with the running sum against the revenue; saving is refused until they add up. */
function DistributionInputs() {
  const t = useTranslate();
  return (
    <>
      <ArrayInput source="distributions" label="app.ledger.distribution" validate={required()}>
        <SimpleFormIterator inline>
          <SelectInput
            source="purpose"
            label="app.ledger.purpose"
            choices={enumChoices('RevenuePurpose')}
            validate={required()}
          />
          <TextInput source="amountYuan" label="app.ledger.amount" validate={[required(), moneyRule]} />
        </SimpleFormIterator>
      </ArrayInput>
      <FormDataConsumer>
        {({ formData }) => {
          const sum = (formData.distributions ?? []).reduce(
            (s: number, d: any) => s + cents(d?.amountYuan),
            0,
          );
          const total = cents(formData.amountYuan);
          const ok = sum === total;
          return (
            <Chip
              data-testid="running-sum"
              color={ok ? 'success' : 'warning'}
              label={t('app.ledger.runningSum', {
                sum: yuan(sum / 100),
                total: yuan(total / 100),
                left: yuan((total - sum) / 100),
              })}
            />
          );
        }}
      </FormDataConsumer>
    </>
  );
}

function RevenueButton() {
  const a = useRecordContext();
  const { permissions: me } = usePermissions<Me>();
  if (!a || a.assetClass !== 'OPERATING' || a.status === 'DISPOSED' || !canWrite(me, 'assets')) return null;
  return (
    <ActionButton
      label="app.ledger.addRevenue"
      done="app.ledger.saved"
      variant="contained"
      defaultValues={{
        year: new Date().getFullYear() - 1,
        distributions: [{ purpose: 'MAINTENANCE', amountYuan: '' }],
      }}
      run={(v) =>
        gql('mutation($input: CreateAssetRevenueInput!) { createAssetRevenue(input: $input) { id } }', {
          input: {
            assetId: a.id,
            year: Number(v.year),
            amountYuan: String(v.amountYuan),
            distributions: (v.distributions ?? []).map((d: any) => ({
              purpose: d.purpose,
              amountYuan: String(d.amountYuan),
            })),
          },
        })
      }
    >
      <TextInput source="year" label="app.ledger.year" validate={required()} />
      <TextInput source="amountYuan" label="app.ledger.revenue" validate={[required(), moneyRule]} />
      <DistributionInputs />
    </ActionButton>
  );
}

const ledgerFields = [
  ['assetCode', 'name', 'assetClass', 'category', 'status', 'statusReason', 'statusChangedAt'],
  ['projectName', 'projectYear', 'completedAt', 'villageId', 'householdId', 'responsibleDepartmentId'],
  ['originalValueYuan', 'bookValueYuan', 'quantity', 'unit'],
  ['ownershipLevel', 'owner', 'operator', 'custodian', 'custodianPerson'],
  ['rightsConfirmedAt', 'rightsDocumentNo', 'handedOverAt', 'handoverDocumentNo'],
  [
    'beneficiaryVillages',
    'beneficiaryHouseholds',
    'beneficiaryAlleviatedHouseholds',
    'beneficiaryMonitoredHouseholds',
    'beneficiaryPeople',
  ],
];

/** An asset's ledger page: its fields, the lifecycle buttons, revenue by year and disposals. */
export function AssetShow() {
  const r = byName.get('assets')!;
  const field = (source: string) => r.fields.find((f) => f.source === source);
  const onError = useReadErrorHandler();
  return (
    <Show queryOptions={{ onError }}>
      <Box sx={{ px: 2, pt: 1 }}>
        <LifecycleButtons />
      </Box>
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" />}>
        <TabbedShowLayout.Tab label="app.ledger.tabs.ledger">
          {ledgerFields.map((group, i) => (
            <Box key={i} sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              {group
                .map(field)
                .filter(Boolean)
                .map((f) => (
                  <Labeled key={f!.source} label={`resources.assets.fields.${f!.source}`}>
                    <FieldView f={f!} {...({ source: f!.source } as any)} />
                  </Labeled>
                ))}
            </Box>
          ))}
          <ArrayField source="fundings" label="resources.assets.fields.fundings">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <FieldView
                f={{ source: 'source', type: 'enum', of: 'FundingSource', zh: '', en: '' }}
                {...({ source: 'source', label: 'app.ledger.group.SOURCE' } as any)}
              />
              <FieldView
                f={{ source: 'amountYuan', type: 'money', zh: '', en: '' }}
                {...({ source: 'amountYuan', label: 'app.ledger.amount' } as any)}
              />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.ledger.tabs.revenue" path="revenue">
          <RevenueButton />
          <ReferenceManyField
            reference="assetRevenues"
            target="assetId"
            sort={{ field: 'year', order: 'DESC' }}
            pagination={<Pagination />}
          >
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="year" label="app.ledger.year" />
              <NumberField
                source="amountYuan"
                label="app.ledger.revenue"
                locales="zh-CN"
                options={{ style: 'currency', currency: 'CNY' }}
              />
              <RevenueShares label="app.ledger.distribution" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="app.ledger.tabs.disposals" path="disposals">
          <ReferenceManyField
            reference="assetDisposals"
            target="assetId"
            sort={{ field: 'requestedAt', order: 'DESC' }}
          >
            <Datagrid bulkActionButtons={false} rowClick={false}>
              {byName
                .get('assetDisposals')!
                .fields.filter((f) => f.list && f.source !== 'assetId')
                .map((f) => (
                  <FieldView key={f.source} f={f} {...({ source: f.source, sortable: false } as any)} />
                ))}
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}

/** The distribution column: Datagrid takes its header from this element's own `label` prop. */
function RevenueShares(_: { label?: string }) {
  const t = useTranslate();
  return (
    <FunctionField
      label="app.ledger.distribution"
      render={(r: any) => (
        <Typography variant="body2">
          {(r.distributions ?? [])
            .map((d: any) => `${t(`enums.RevenuePurpose.${d.purpose}`)} ${yuan(d.amountYuan)}`)
            .join('；')}
        </Typography>
      )}
    />
  );
}
