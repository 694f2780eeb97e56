import { Box, Chip, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useIsSmall } from '../common/format';
import { useReadErrorHandler } from '../common/readErrors';
import { AddMeasureButton } from '../resources/views';
import {
  Datagrid,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { byName } from '../resources/config';
import { FieldView } from '../resources/views';
import { NextStepButtons } from './steps';

const STEPS = [
  ['CLUE', 'clueDate', 'clueBy'],
  ['VERIFIED', 'verifiedAt', 'verifiedBy'],
  ['PUBLICIZED', 'publicizedAt', 'publicizedBy'],
  ['APPROVED', 'approvedAt', 'approvedBy'],
  ['RISK_ELIMINATED', 'riskEliminatedAt', 'riskEliminatedBy'],
] as const;

/** Minimum days of public notice before approval (national procedure; the server enforces it). */
const NOTICE_DAYS = 5;

const plusDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The identification procedure as a stepper: each step's date and who took it. */
function CaseStepper() {
  const record = useRecordContext();
  const t = useTranslate();
  const small = useIsSmall();
  if (!record) return null;
  const rejected = record.status === 'REJECTED';
  const steps = rejected
    ? [
        ...STEPS.filter(([s]) => record[STEPS.find((x) => x[0] === s)![1]]),
        ['REJECTED', 'rejectedAt', 'rejectedBy'],
      ]
    : STEPS;
  const active = steps.findIndex(([s]) => s === record.status);
  // On a phone the five steps stand one under another (a row of five is 523 px wide).
  return (
    <Stepper
      activeStep={active + 1}
      alternativeLabel={!small}
      orientation={small ? 'vertical' : 'horizontal'}
      sx={{ my: 2 }}
    >
      {steps.map(([status, at, by]) => (
        <Step key={status} completed={Boolean(record[at])}>
          <StepLabel
            error={status === 'REJECTED'}
            optional={record[at] ? `${record[at]} ${record[by] ?? ''}` : undefined}
          >
            {t(`enums.MonitoringStatus.${status}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

/** Status line: overdue, or when the notice allows approval. */
function CaseStatusNote() {
  const record = useRecordContext();
  const t = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
      <Chip label={t(`enums.MonitoringStatus.${record.status}`)} color="primary" />
      {record.isOverdue && (
        <Chip label={t('app.monitoring.overdue', { date: record.deadline })} color="error" />
      )}
      {record.status === 'PUBLICIZED' && record.publicizedAt && (
        <Typography variant="body2">
          {t('app.monitoring.noticeEnds', { date: plusDays(record.publicizedAt, NOTICE_DAYS) })}
        </Typography>
      )}
    </Box>
  );
}

const caseFields = ['householdId', 'discoverySource', 'category', 'riskTypes', 'triggerReasons', 'deadline'];

/** How the case was closed, once it is (rejection reason or elimination method). */
function ClosingFields() {
  const record = useRecordContext();
  const r = byName.get('monitoringCases')!;
  const shown = r.fields.filter(
    (f) => ['rejectionReason', 'eliminationMethod'].includes(f.source) && record?.[f.source],
  );
  return (
    <>
      {shown.map((f) => (
        <Labeled key={f.source} label={`resources.monitoringCases.fields.${f.source}`}>
          <FieldView f={f} {...({ source: f.source } as any)} />
        </Labeled>
      ))}
    </>
  );
}

/** 新增帮扶措施 from the case: prefilled with its household and the case itself. */
function CaseAddMeasure() {
  const c = useRecordContext();
  if (!c || !['VERIFIED', 'PUBLICIZED', 'APPROVED'].includes(c.status)) return null;
  return <AddMeasureButton householdId={String(c.householdId)} caseId={String(c.id)} />;
}

/** A monitoring case: its steps, the buttons for the next one, its visits and its measures (一户一策). */
export function MonitoringCaseShow() {
  const r = byName.get('monitoringCases')!;
  const visits = byName.get('monitoringVisits')!;
  const measures = byName.get('assistanceMeasures')!;
  const onError = useReadErrorHandler();
  return (
    <Show queryOptions={{ onError }}>
      <Box sx={{ px: 2, pt: 2 }}>
        <CaseStatusNote />
        <CaseStepper />
        <NextStepButtons />
      </Box>
      <SimpleShowLayout>
        {r.fields
          .filter((f) => caseFields.includes(f.source))
          .map((f) => (
            <FieldView key={f.source} f={f} {...({ source: f.source } as any)} />
          ))}
        <ClosingFields />
        <Labeled label="app.related.monitoringVisits">
          <ReferenceManyField
            reference="monitoringVisits"
            target="monitoringCaseId"
            sort={{ field: 'visitDate', order: 'DESC' }}
            pagination={<Pagination />}
          >
            <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyRow />}>
              {visits.fields
                .filter((f) => f.list)
                .map((f) => (
                  <FieldView key={f.source} f={f} {...({ source: f.source, sortable: false } as any)} />
                ))}
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
        <CaseAddMeasure />
        <Labeled label="app.monitoring.plan">
          <ReferenceManyField
            reference="assistanceMeasures"
            target="monitoringCaseId"
            pagination={<Pagination />}
          >
            <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyRow />}>
              {measures.fields
                .filter((f) => f.list && f.source !== 'householdId')
                .map((f) => (
                  <FieldView key={f.source} f={f} {...({ source: f.source, sortable: false } as any)} />
                ))}
            </Datagrid>
          </ReferenceManyField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}

function EmptyRow() {
  const t = useTranslate();
  return <Typography variant="body2">{t('app.none')}</Typography>;
}
