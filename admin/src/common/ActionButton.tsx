import { ReactNode, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { Form, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';

export interface Refusal {
  message: string;
  reasons: { field: string; reason: string; message: string }[];
}

/**
 * The detail of a refusal in the user's words (issue #17 item 11): which risk type lacks a measure and
 * which measure types count (`riskTypes.ILLNESS`, "no HEALTH measure …"), the year with no income or
 * line ("… for 2026").
 */
export function refusalDetail(
  r: { field: string; reason: string; message: string },
  t: (k: string, o?: any) => string,
) {
  if (r.reason === 'RISK_NOT_ADDRESSED') {
    const risk = r.field.split('.')[1];
    const types =
      /no (\S+) measure/
        .exec(r.message ?? '')?.[1]
        ?.split('/')
        .filter(Boolean) ?? [];
    return t('app.refusal.riskDetail', {
      risk: risk ? t(`enums.RiskType.${risk}`, { _: risk }) : '',
      types: types.map((x) => t(`enums.MeasureType.${x}`, { _: x })).join('、') || '—',
    });
  }
  const year = /\b(\d{4})\b/.exec(r.message ?? '')?.[1];
  if (['INCOME_MISSING', 'THRESHOLD_MISSING', 'INCOME_BELOW_THRESHOLD'].includes(r.reason) && year)
    return t('app.refusal.yearDetail', { year });
  return '';
}

/** Every unmet condition of a refused step, in the user's language, with the server's detail. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const t = useTranslate();
  // The server's detail (amounts, dates, types) is in English: shown in the English console only.
  const [locale] = useLocaleState();
  const label = (reason: string) => t(`errors.${reason}`, { _: reason });
  return (
    <Alert severity="error" role="alert" sx={{ mt: 1 }}>
      <AlertTitle>{t('app.monitoring.refused')}</AlertTitle>
      {refusal.reasons.length ? (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {refusal.reasons.map((r, i) => (
            <li key={i} data-reason={r.reason}>
              {label(r.reason)}
              {refusalDetail(r, t)}
              {r.message && locale === 'en' && (
                <Typography component="span" variant="caption" color="text.secondary">
                  {` （${r.message}）`}
                </Typography>
              )}
            </li>
          ))}
        </ul>
      ) : (
        label(refusal.message)
      )}
    </Alert>
  );
}

/**
 * A button opening a form in a dialog; on submit `run(values)` calls the API. A refusal stays in
 * the dialog (inputs kept) listing every reason; success notifies and refreshes the page.
 */
export function ActionButton({
  label,
  title,
  done,
  run,
  children,
  variant = 'outlined',
  color = 'primary',
  defaultValues,
}: {
  label: string;
  title?: string;
  done: string;
  run: (values: any) => Promise<unknown>;
  children?: ReactNode;
  variant?: 'outlined' | 'contained' | 'text';
  color?: 'primary' | 'warning' | 'error' | 'success';
  defaultValues?: Record<string, unknown>;
}) {
  const t = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [defaults] = useState(defaultValues);
  const submit = async (values: any) => {
    setBusy(true);
    setRefusal(null);
    try {
      await run(values);
      setOpen(false);
      notify(done, { type: 'success' });
      refresh();
    } catch (e: any) {
      setRefusal({ message: e.body?.reason ?? e.message, reasons: e.body?.fields ?? [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <MuiButton variant={variant} color={color} onClick={() => (setRefusal(null), setOpen(true))}>
        {t(label)}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        {/* its own record: inside a Show page the form would otherwise start from the shown record */}
        <Form onSubmit={submit} record={defaults ?? {}}>
          <DialogTitle>{t(title ?? label)}</DialogTitle>
          <DialogContent>
            <Stack>{children}</Stack>
            {refusal && <RefusalAlert refusal={refusal} />}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{t('ra.action.cancel')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy}>
              {t('ra.action.confirm')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
