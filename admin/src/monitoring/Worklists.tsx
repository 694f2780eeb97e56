import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  Chip,
  CardContent,
  Link,
  MenuItem,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';
import { householdLabel } from '../resources/config';

/** The four worklists of the API (早发现、早帮扶、早清零), each a query scoped by township and village. */
const LISTS = [
  { name: 'overdueMonitoringCases', kind: 'case' },
  { name: 'cluesAwaitingVerification', kind: 'case' },
  { name: 'monitoredHouseholdsWithoutActiveMeasure', kind: 'household' },
  { name: 'monitoredHouseholdsWithoutRecentVisit', kind: 'household' },
] as const;

const CASE_FIELDS =
  'id status clueDate deadline discoverySource household { id householdNumber head { name } village { name } }';
const HOUSEHOLD_FIELDS =
  'id householdNumber village { name } head { name } currentMonitoringCase { id status approvedAt }';

const PAGE = 50;

interface Scope {
  townshipId: string;
  villageId: string;
}

function scopeInput(scope: Scope, after: string | null) {
  return {
    first: PAGE,
    after,
    townshipId: scope.townshipId || null,
    villageId: scope.villageId || null,
  };
}

/** The counts of all four lists in one request (the badges on the tabs). */
function useCounts(scope: Scope) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    const parts = LISTS.map((l) => `${l.name}: ${l.name}(scope: $scope) { totalCount }`).join('\n');
    gql(`query($scope: WorklistScope) { ${parts} }`, { scope: scopeInput(scope, null) }).then((d) =>
      setCounts(Object.fromEntries(LISTS.map((l) => [l.name, d[l.name].totalCount]))),
    );
  }, [scope.townshipId, scope.villageId]);
  return counts;
}

function WorklistTable({ list, scope }: { list: (typeof LISTS)[number]; scope: Scope }) {
  const t = useTranslate();
  const [rows, setRows] = useState<any[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = async (after: string | null) => {
    setLoading(true);
    const fields = list.kind === 'case' ? CASE_FIELDS : HOUSEHOLD_FIELDS;
    const d = await gql(
      `query($scope: WorklistScope) { x: ${list.name}(scope: $scope) { nodes { ${fields} } pageInfo { hasNextPage endCursor } } }`,
      { scope: scopeInput(scope, after) },
    ).finally(() => setLoading(false));
    setRows((prev) => (after ? [...prev, ...d.x.nodes] : d.x.nodes));
    setNext(d.x.pageInfo.hasNextPage ? d.x.pageInfo.endCursor : null);
  };
  useEffect(() => {
    void load(null);
  }, [list.name, scope.townshipId, scope.villageId]);

  const head =
    list.kind === 'case'
      ? ['case', 'householdNumber', 'village', 'status', 'clueDate', 'deadline']
      : ['householdNumber', 'village', 'head', 'case', 'approvedAt'];
  return (
    <>
      <Table size="small" data-worklist={list.name}>
        <TableHead>
          <TableRow>
            {head.map((h) => (
              <TableCell key={h}>{t(`app.worklists.columns.${h}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) =>
            list.kind === 'case' ? (
              <TableRow key={r.id} hover>
                <TableCell>
                  <Link href={`#/monitoringCases/${r.id}/show`}>#{r.id}</Link>
                </TableCell>
                <TableCell>
                  <Link href={`#/households/${r.household.id}/show`}>{householdLabel(r.household)}</Link>
                </TableCell>
                <TableCell>{r.household.village.name}</TableCell>
                <TableCell>{t(`enums.MonitoringStatus.${r.status}`)}</TableCell>
                <TableCell>{r.clueDate}</TableCell>
                <TableCell>{r.deadline}</TableCell>
              </TableRow>
            ) : (
              <TableRow key={r.id} hover>
                <TableCell>
                  <Link href={`#/households/${r.id}/show`}>{householdLabel(r)}</Link>
                </TableCell>
                <TableCell>{r.village.name}</TableCell>
                <TableCell>{r.head?.name ?? '—'}</TableCell>
                <TableCell>
                  {r.currentMonitoringCase && (
                    <Link href={`#/monitoringCases/${r.currentMonitoringCase.id}/show`}>
                      #{r.currentMonitoringCase.id}
                    </Link>
                  )}
                </TableCell>
                <TableCell>{r.currentMonitoringCase?.approvedAt ?? '—'}</TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </Table>
      {!loading && rows.length === 0 && (
        <Typography sx={{ p: 2 }} variant="body2">
          {t('app.worklists.empty')}
        </Typography>
      )}
      {next && (
        <Button onClick={() => load(next)} disabled={loading} sx={{ m: 1 }}>
          {t('app.worklists.more')}
        </Button>
      )}
    </>
  );
}

/** Township and village pickers (the village list follows the township). */
function ScopePicker({ scope, onChange }: { scope: Scope; onChange: (s: Scope) => void }) {
  const t = useTranslate();
  const [townships, setTownships] = useState<{ id: string; name: string }[]>([]);
  const [villages, setVillages] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    gql('{ townships(first: 100, orderBy: [{ field: CODE }]) { nodes { id name } } }').then((d) =>
      setTownships(d.townships.nodes),
    );
  }, []);
  useEffect(() => {
    if (!scope.townshipId) return setVillages([]);
    gql(
      'query($t: ID!) { villages(first: 500, filter: { townshipId: { eq: $t } }, orderBy: [{ field: CODE }]) { nodes { id name } } }',
      { t: scope.townshipId },
    ).then((d) => setVillages(d.villages.nodes));
  }, [scope.townshipId]);
  return (
    <Box sx={{ display: 'flex', gap: 2, mb: 1, flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        sx={{ minWidth: { xs: '100%', sm: 220 } }}
        label={t('resources.households.fields.township')}
        value={scope.townshipId}
        onChange={(e) => onChange({ townshipId: e.target.value, villageId: '' })}
      >
        <MenuItem value="">{t('app.worklists.all')}</MenuItem>
        {townships.map((x) => (
          <MenuItem key={x.id} value={x.id}>
            {x.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        sx={{ minWidth: { xs: '100%', sm: 260 } }}
        label={t('resources.households.fields.villageId')}
        value={scope.villageId}
        disabled={!scope.townshipId}
        onChange={(e) => onChange({ ...scope, villageId: e.target.value })}
      >
        <MenuItem value="">{t('app.worklists.all')}</MenuItem>
        {villages.map((x) => (
          <MenuItem key={x.id} value={x.id}>
            {x.name}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}

/** 监测工作台: the four worklists with their counts, scoped by township and village. */
export function Worklists() {
  const t = useTranslate();
  const [tab, setTab] = useState(0);
  const [scope, setScope] = useState<Scope>({ townshipId: '', villageId: '' });
  const counts = useCounts(scope);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.worklists.title" />
      <CardContent>
        <ScopePicker scope={scope} onChange={setScope} />
        <Tabs value={tab} onChange={(_, v) => setTab(v)} variant="scrollable">
          {LISTS.map((l) => (
            <Tab
              key={l.name}
              label={
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  {t(`app.worklists.${l.name}`)}
                  <Chip
                    size="small"
                    color={counts[l.name] ? 'error' : 'default'}
                    label={counts[l.name] ?? 0}
                  />
                </Box>
              }
            />
          ))}
        </Tabs>
        <WorklistTable key={LISTS[tab].name} list={LISTS[tab]} scope={scope} />
      </CardContent>
    </Card>
  );
}
