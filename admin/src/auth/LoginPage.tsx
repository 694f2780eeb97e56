import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** The sign-in page names the system (issue #17 item 13). */
export function LoginPage() {
  const t = useTranslate();
  return (
    <Login>
      <Typography
        component="h1"
        variant="subtitle1"
        align="center"
        sx={{ px: 2, pt: 1, fontWeight: 600, maxWidth: 320, mx: 'auto' }}
      >
        {t('app.title')}
      </Typography>
      <LoginForm />
    </Login>
  );
}
