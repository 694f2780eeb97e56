import { Alert, Button } from '@mui/material';
import { useNotify, useRedirect, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { isNetworkError } from '../providers/graphql';

/**
 * What a record page does when its read fails (issue #17 item 4): a dropped connection or a server
 * fault says so in Chinese with 重试 and stays on the page; only a real "not found" goes back to the list.
 */
export function useReadErrorHandler() {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const resource = useResourceContext();
  const t = useTranslate();
  return (error: any) => {
    if (isNetworkError(error)) {
      notify(
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => refresh()} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {t('app.retry')}
            </Button>
          }
        >
          {t(error?.message ?? 'errors.NETWORK', { _: t('errors.NETWORK') })}
        </Alert>,
        { autoHideDuration: null },
      );
      return;
    }
    notify(error?.message ?? 'ra.notification.item_doesnt_exist', { type: 'error' });
    if (resource) redirect('list', resource);
  };
}
