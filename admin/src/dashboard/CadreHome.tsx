import { FormEvent, useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  List,
  ListItemButton,
  ListItemText,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../auth/authProvider';
import { gql } from '../providers/graphql';
import { householdLabel } from '../resources/config';
import { listLink } from '../common/links';
import { RetryAlert } from './Dashboard';

const LISTS = [
  { name: 'monitoredHouseholdsWithoutRecentVisit', label: 'app.cadre.visitsDue', kind: 'household' },
  { name: 'cluesAwaitingVerification', label: 'app.cadre.cluesToVerify', kind: 'case' },
  { name: 'monitoredHouseholdsWithoutActiveMeasure', label: 'app.cadre.followUps', kind: 'household' },
] as const;

const HOUSEHOLD = 'id householdNumber head { name } village { name }';
const QUERY = `query($scope: WorklistScope) {
  ${LISTS.map(
    (l) =>
      `${l.name}: ${l.name}(scope: $scope) { totalCount nodes { ${l.kind === 'case' ? `id household { ${HOUSEHOLD} }` : HOUSEHOLD} } }`,
  ).join('\n  ')}
}`;

/**
 * A village cadre's home (issue #17 gap 2): the village's worklists — visits due, clues to verify,
 * follow-ups — each row one tap from the household and its visit form; and the household search by
 * the head's name.
 */
export function CadreHome({ me }: { me: Me }) {
  const t = useTranslate();
  const navigate = useNavigate();
  const [data, setData] = useState<any>(null);
  const [failed, setFailed] = useState(false);
  const [q, setQ] = useState('');
  const load = useCallback(() => {
    setFailed(false);
    gql(QUERY, { scope: { villageId: me.villageId, first: 5 } }).then(setData, () => setFailed(true));
  }, [me.villageId]);
  useEffect(load, [load]);
  const find = (e: FormEvent) => {
    e.preventDefault();
    window.location.hash = listLink('households', q.trim() ? { q: q.trim() } : undefined).slice(1);
  };
  return (
    <Box sx={{ mt: 1 }} data-testid="cadre-home">
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Box component="form" onSubmit={find} sx={{ display: 'flex', gap: 1 }}>
            <TextField
              size="medium"
              fullWidth
              label={t('app.cadre.find')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              slotProps={{ htmlInput: { 'aria-label': t('app.cadre.find') } }}
            />
            <Button type="submit" variant="contained" sx={{ minWidth: 72 }}>
              {t('app.cadre.findButton')}
            </Button>
          </Box>
        </CardContent>
      </Card>
      {failed && <RetryAlert onRetry={load} />}
      <Grid container spacing={2}>
        {LISTS.map((l) => {
          const list = data?.[l.name];
          return (
            <Grid key={l.name} size={{ xs: 12, md: 4 }}>
              <Card data-worklist={l.name}>
                <CardHeader
                  title={t(l.label)}
                  slotProps={{ title: { variant: 'subtitle1' } }}
                  action={
                    <Chip color={list?.totalCount ? 'error' : 'default'} label={list?.totalCount ?? '…'} />
                  }
                />
                <List dense disablePadding>
                  {(list?.nodes ?? []).map((n: any) => {
                    const h = l.kind === 'case' ? n.household : n;
                    return (
                      <ListItemButton
                        key={n.id}
                        onClick={() =>
                          navigate(
                            l.kind === 'case' ? `/monitoringCases/${n.id}/show` : `/households/${h.id}/show`,
                          )
                        }
                      >
                        <ListItemText primary={householdLabel(h)} secondary={h.village?.name} />
                      </ListItemButton>
                    );
                  })}
                  {list && !list.nodes.length && (
                    <ListItemText sx={{ px: 2, py: 1 }} secondary={t('app.worklists.empty')} />
                  )}
                </List>
                {list?.totalCount > list?.nodes.length && (
                  <Button href="#/worklists" sx={{ m: 1 }}>
                    {t('app.worklists.more')}
                  </Button>
                )}
              </Card>
            </Grid>
          );
        })}
      </Grid>
    </Box>
  );
}
