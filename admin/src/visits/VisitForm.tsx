import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import { Title, useGetOne, useNotify, usePermissions, useTranslate } from 'react-admin';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { canWrite } from '../auth/can';
import { isDay } from '../common/day';
import { todayCst } from '../common/format';
import { householdLabel } from '../resources/config';
import { FlushResult, onQueueChange, pendingVisits, startVisitSync, submitVisit } from './queue';

/** One tap from a household (its key facts card, the cadre's worklists) to its visit form. */
export function RecordVisitButton({ household }: { household: any }) {
  const t = useTranslate();
  const { permissions: me } = usePermissions<Me>();
  if (!household || !canWrite(me, 'monitoringCases')) return null;
  return (
    <Button
      component={Link}
      to={`/households/${household.id}/visit`}
      state={{ label: householdLabel(household) }}
      variant="contained"
      size="large"
      startIcon={<DirectionsWalkIcon />}
      sx={{ minHeight: 48, width: { xs: '100%', sm: 'auto' } }}
    >
      {t('app.visit.record')}
    </Button>
  );
}

/**
 * 入户走访 on the phone: date, findings, the guarantees switch and one large save button within
 * the thumb's reach. Saved on the device first; the screen says when it waits for the connection.
 */
export function VisitForm() {
  const t = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const state = useLocation().state as { label?: string } | null;
  // The household's name from the page it came from; read again only when that is missing.
  const { data } = useGetOne('households', { id: id! }, { enabled: !state?.label, retry: false });
  const label = state?.label ?? householdLabel(data) ?? '';
  const [visitDate, setVisitDate] = useState(todayCst());
  const [findings, setFindings] = useState('');
  const [checked, setChecked] = useState(true);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<'queued' | 'sent' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Once the queue has sent this household's visit (back online), 网络不通 gives way to 已记录.
  useEffect(() => {
    if (status !== 'queued') return;
    const check = () => {
      if (!pendingVisits().some((v) => v.householdId === id)) setStatus('sent');
    };
    check();
    return onQueueChange(check);
  }, [status, id]);
  const save = async () => {
    if (!isDay(visitDate)) return setError(t('app.date.invalid'));
    if (!findings.trim()) return setError(t('ra.validation.required'));
    setBusy(true);
    setError(null);
    try {
      const result = await submitVisit({
        householdId: id!,
        householdLabel: label,
        visitDate,
        findings: findings.trim(),
        guaranteesChecked: checked,
      });
      if (result === 'queued') setStatus('queued');
      else {
        notify('app.visit.saved', { type: 'success' });
        navigate(`/households/${id}/show`);
      }
    } catch (e: any) {
      const fields = (e?.body?.fields ?? []).map((f: any) => t(`errors.${f.reason}`, { _: f.reason }));
      setError(fields.join('；') || t(e?.message ?? 'errors.INTERNAL', { _: e?.message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 640, mx: 'auto' }}>
      <Title title={t('app.visit.title', { name: label })} />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6">{t('app.visit.title', { name: label })}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('app.visit.routine')}
        </Typography>
        {status === 'sent' ? (
          <Alert severity="success" role="status" data-testid="visit-sent">
            {t('app.visit.saved')}
          </Alert>
        ) : status === 'queued' ? (
          <Alert severity="warning" role="status" data-testid="visit-queued">
            {t('app.visit.queued')}
          </Alert>
        ) : (
          <>
            {/* YYYY-MM-DD in any browser locale (issue #17 item 12): a text field, not <input type=date> */}
            <TextField
              label={t('app.visit.date')}
              value={visitDate}
              onChange={(e) => setVisitDate(e.target.value.trim())}
              error={visitDate !== '' && !isDay(visitDate)}
              helperText={t('app.date.format')}
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: {
                  placeholder: 'YYYY-MM-DD',
                  inputMode: 'numeric',
                  maxLength: 10,
                  'data-day-input': '',
                },
              }}
              fullWidth
            />
            <TextField
              label={t('app.visit.findings')}
              value={findings}
              onChange={(e) => setFindings(e.target.value)}
              multiline
              minRows={4}
              fullWidth
              required
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            <FormControlLabel
              control={<Switch checked={checked} onChange={(e) => setChecked(e.target.checked)} />}
              label={t('app.visit.guarantees')}
              sx={{ minHeight: 48 }}
            />
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Button
              variant="contained"
              size="large"
              onClick={save}
              disabled={busy}
              sx={{ minHeight: 56 }}
              fullWidth
            >
              {t('app.visit.save')}
            </Button>
          </>
        )}
        <Button component={Link} to={`/households/${id}/show`} sx={{ minHeight: 48 }}>
          {t('ra.action.back')}
        </Button>
      </CardContent>
    </Card>
  );
}

/** "N visits saved on this device, sent when online" above every page while any wait; sends them. */
export function PendingVisitsBanner() {
  const t = useTranslate();
  const notify = useNotify();
  const [count, setCount] = useState(() => pendingVisits().length);
  useEffect(() => onQueueChange(() => setCount(pendingVisits().length)), []);
  useEffect(
    () =>
      startVisitSync((r: FlushResult) => {
        if (r.sent) notify('app.visit.sent', { type: 'success', messageArgs: { smart_count: r.sent } });
        for (const x of r.rejected)
          notify('app.visit.rejected', {
            type: 'error',
            messageArgs: { reason: t(`errors.${x.reason}`, { _: x.reason }) },
          });
      }),
    [],
  );
  if (!count) return null;
  return (
    <Box sx={{ mt: 1 }}>
      <Alert severity="info" data-testid="pending-visits">
        {t('app.cadre.pending', { smart_count: count })}
      </Alert>
    </Box>
  );
}
