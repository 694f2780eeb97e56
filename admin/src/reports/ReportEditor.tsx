import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  IconButton,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { gql } from '../providers/graphql';
import { Report, reportOf, saveReport, Section, stepReport } from './api';
import { canDecideReport, canWriteReport } from './can';

type Draft = Pick<Section, 'progress' | 'problems' | 'nextMonth' | 'otherFigures'>;

/** The figures of a section, read-only, each with its definition; a change since submission is marked. */
function Figures({ section }: { section: Section }) {
  const t = useTranslate();
  if (!section.figures.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('app.reports.noFigures')}
      </Typography>
    );
  return (
    <Box component="dl" sx={{ m: 0 }} data-figures>
      {section.figures.map((f) => (
        <Box key={f.key} sx={{ py: 0.5, borderBottom: '1px solid #eee' }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
            <Tooltip title={f.definition}>
              <Typography component="dt" variant="body2" sx={{ cursor: 'help' }}>
                {f.label}
              </Typography>
            </Tooltip>
            <Typography
              component="dd"
              variant="body2"
              sx={{ m: 0, fontWeight: 600, textAlign: 'right' }}
              data-figure={f.key}
            >
              {f.value} {f.unit}
              {f.changedSinceSubmission && (
                <Chip
                  size="small"
                  color="warning"
                  sx={{ ml: 1 }}
                  title={t('app.reports.changed')}
                  label={t('app.reports.submittedValue', { value: f.submittedValue })}
                />
              )}
            </Typography>
          </Box>
          <Typography variant="caption" color="text.secondary" component="p">
            {f.definition}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** The unit's text of one section and its own figures. */
function SectionText({
  draft,
  onChange,
  readOnly,
  errors = {},
}: {
  draft: Draft;
  onChange: (d: Draft) => void;
  readOnly: boolean;
  /** The server's refusal per field of this section (`progress` → PROGRESS_REQUIRED). */
  errors?: Record<string, string>;
}) {
  const t = useTranslate();
  const field = (name: 'progress' | 'problems' | 'nextMonth', rows: number) => (
    <TextField
      label={t(`app.reports.${name}`)}
      error={Boolean(errors[name])}
      helperText={errors[name] ? t(`errors.${errors[name]}`, { _: errors[name] }) : undefined}
      value={draft[name]}
      onChange={(e) => onChange({ ...draft, [name]: e.target.value })}
      multiline
      minRows={rows}
      fullWidth
      margin="dense"
      slotProps={{ input: { readOnly }, htmlInput: { 'data-text': name } }}
    />
  );
  const setFigure = (i: number, key: 'label' | 'value' | 'unit', value: string) =>
    onChange({
      ...draft,
      otherFigures: draft.otherFigures.map((f, j) => (j === i ? { ...f, [key]: value } : f)),
    });
  return (
    <>
      {field('progress', 3)}
      {field('problems', 2)}
      {field('nextMonth', 2)}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {t('app.reports.otherFigures')}
      </Typography>
      {draft.otherFigures.map((f, i) => (
        <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <TextField
            size="small"
            label={t('app.reports.label')}
            value={f.label}
            onChange={(e) => setFigure(i, 'label', e.target.value)}
            slotProps={{ input: { readOnly } }}
          />
          <TextField
            size="small"
            label={t('app.reports.value')}
            value={f.value}
            onChange={(e) => setFigure(i, 'value', e.target.value)}
            slotProps={{ input: { readOnly } }}
            sx={{ width: 110 }}
          />
          <TextField
            size="small"
            label={t('app.reports.valueUnit')}
            value={f.unit}
            onChange={(e) => setFigure(i, 'unit', e.target.value)}
            slotProps={{ input: { readOnly } }}
            sx={{ width: 80 }}
          />
          {!readOnly && (
            <IconButton
              aria-label={t('app.reports.remove')}
              onClick={() =>
                onChange({ ...draft, otherFigures: draft.otherFigures.filter((_, j) => j !== i) })
              }
            >
              <DeleteIcon />
            </IconButton>
          )}
        </Box>
      ))}
      {!readOnly && (
        <Button
          size="small"
          onClick={() =>
            onChange({ ...draft, otherFigures: [...draft.otherFigures, { label: '', value: '', unit: '' }] })
          }
        >
          {t('app.reports.addFigure')}
        </Button>
      )}
    </>
  );
}

/**
 * The report editor: one card per plan task the unit is responsible for, the register's figures
 * read-only on the left and the unit's text on the right; save and submit for the unit, accept and
 * return for the office.
 */
export function ReportEditor() {
  const t = useTranslate();
  const notify = useNotify();
  const { permissions: me } = usePermissions<Me>();
  const { unit = '', month = '' } = useParams();
  const [report, setReport] = useState<Report | null | undefined>(undefined);
  const [unitName, setUnitName] = useState('');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [returning, setReturning] = useState<string | null>(null);
  // The refusal's per-field details (`sections.2.progress` → PROGRESS_REQUIRED), by section index.
  const [fieldErrors, setFieldErrors] = useState<Record<string, Record<string, string>>>({});

  const show = useCallback((r: Report | null) => {
    setReport(r);
    if (r)
      setDrafts(
        Object.fromEntries(
          r.sections.map((s) => [
            s.planTask.id,
            {
              progress: s.progress,
              problems: s.problems,
              nextMonth: s.nextMonth,
              otherFigures: s.otherFigures,
            },
          ]),
        ),
      );
  }, []);
  useEffect(() => {
    reportOf(unit, month).then(show, (e) => notify(e.message, { type: 'error' }));
    gql<{ department: { name: string } | null }>('query($id: ID!) { department(id: $id) { name } }', {
      id: unit,
    }).then((d) => setUnitName(d.department?.name ?? ''));
  }, [unit, month, show, notify]);

  const run = async (fn: () => Promise<Report>, message: string) => {
    try {
      show(await fn());
      setFieldErrors({});
      notify(message, { type: 'success' });
    } catch (e: any) {
      const marked: Record<string, Record<string, string>> = {};
      for (const f of e?.body?.fields ?? []) {
        const m = /^(?:input\.)?sections\.(\d+)\.(\w+)$/.exec(String(f.field));
        if (m) marked[m[1]] = { ...marked[m[1]], [m[2]]: f.reason };
      }
      setFieldErrors(marked);
      notify(e.message, { type: 'error' });
    }
  };
  const sections = () =>
    Object.entries(drafts).map(([planTaskId, d]) => ({
      planTaskId,
      ...d,
      otherFigures: d.otherFigures.filter((f) => f.label && f.value),
    }));
  const editable = Boolean(
    report && canWriteReport(me) && (report.status === 'DRAFT' || report.status === 'RETURNED'),
  );
  const decidable = Boolean(report && canDecideReport(me) && report.status === 'SUBMITTED');

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.reports.title" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
        <Button component={Link} to={`/reports?month=${month}`}>
          {t('app.reports.back')}
        </Button>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {unitName} {month}
        </Typography>
        {report && (
          <Chip data-status={report.status} label={t(`enums.ProgressReportStatus.${report.status}`)} />
        )}
        {report && report.periodFrom && (
          <Typography variant="body2" color="text.secondary">
            {t('app.reports.period', { from: report.periodFrom, to: report.periodTo })}
          </Typography>
        )}
      </Box>
      {report === null && (
        <Card>
          <CardContent>
            <Typography>{t('app.reports.noReport')}</Typography>
            {canWriteReport(me) && (
              <Button
                variant="contained"
                sx={{ mt: 1 }}
                onClick={() => run(() => saveReport(unit, month), 'app.reports.saved')}
              >
                {t('app.reports.create')}
              </Button>
            )}
          </CardContent>
        </Card>
      )}
      {report?.status === 'RETURNED' && report.returnReason && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('app.reports.returned', { reason: report.returnReason })}
        </Alert>
      )}
      {report && (
        <>
          <Box sx={{ display: 'flex', gap: 1, mb: 1, flexWrap: 'wrap' }}>
            {editable && (
              <>
                <Button
                  variant="outlined"
                  onClick={() => run(() => saveReport(unit, month, sections()), 'app.reports.saved')}
                >
                  {t('app.reports.save')}
                </Button>
                <Button
                  variant="contained"
                  onClick={() =>
                    run(async () => {
                      const saved = await saveReport(unit, month, sections());
                      return stepReport('submit', saved.id, saved.version);
                    }, 'app.reports.submittedOk')
                  }
                >
                  {t('app.reports.submit')}
                </Button>
              </>
            )}
            {decidable && (
              <>
                <Button
                  variant="contained"
                  color="success"
                  onClick={() =>
                    run(() => stepReport('accept', report.id, report.version), 'app.reports.acceptedOk')
                  }
                >
                  {t('app.reports.accept')}
                </Button>
                <Button variant="outlined" color="warning" onClick={() => setReturning('')}>
                  {t('app.reports.return')}
                </Button>
              </>
            )}
          </Box>
          {report.sections.map((s, i) => (
            <Card key={s.planTask.id} sx={{ mb: 2 }} data-section={s.planTask.clause}>
              <CardHeader
                title={`${s.planTask.clause} ${s.planTask.title}`}
                slotProps={{ title: { variant: 'subtitle1' } }}
              />
              <CardContent sx={{ pt: 0 }}>
                <Grid container spacing={2}>
                  <Grid size={{ xs: 12, md: 5 }}>
                    <Typography variant="subtitle2" gutterBottom>
                      {t('app.reports.figures')}
                    </Typography>
                    <Figures section={s} />
                  </Grid>
                  <Grid size={{ xs: 12, md: 7 }}>
                    {drafts[s.planTask.id] && (
                      <SectionText
                        draft={drafts[s.planTask.id]}
                        readOnly={!editable}
                        onChange={(d) => setDrafts((prev) => ({ ...prev, [s.planTask.id]: d }))}
                        errors={fieldErrors[i]}
                      />
                    )}
                  </Grid>
                </Grid>
              </CardContent>
            </Card>
          ))}
        </>
      )}
      <Dialog open={returning !== null} onClose={() => setReturning(null)} fullWidth>
        <DialogTitle>{t('app.reports.return')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={t('app.reports.returnReason')}
            value={returning ?? ''}
            onChange={(e) => setReturning(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReturning(null)}>{t('app.reports.cancel')}</Button>
          <Button
            color="warning"
            disabled={!returning || returning.trim().length < 2}
            onClick={() => {
              const reason = returning!.trim();
              setReturning(null);
              run(() => stepReport('return', report!.id, report!.version, reason), 'app.reports.returnedOk');
            }}
          >
            {t('app.reports.return')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
