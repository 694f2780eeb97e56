import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** An import's upload progress (percent), then the server's processing, then its refusal if any. */
export function ImportProgress(props: {
  phase: 'idle' | 'uploading' | 'processing' | string;
  progress: number;
  error: string | null | undefined;
}) {
  const t = useTranslate();
  const { phase, progress, error } = props;
  return (
    <>
      {phase !== 'idle' && (
        <Box sx={{ mt: 2 }} role="progressbar">
          <LinearProgress
            variant={phase === 'uploading' ? 'determinate' : 'indeterminate'}
            value={Math.round(progress * 100)}
          />
          <Typography variant="body2">
            {phase === 'uploading'
              ? t('app.import.uploading', { percent: Math.round(progress * 100) })
              : t('app.import.processing')}
          </Typography>
        </Box>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </>
  );
}
