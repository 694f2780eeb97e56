import { useEffect, useState } from 'react';
import {
  Box,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';

const QUERY = `query($id: ID!) {
  household(id: $id) {
    monitoringCases(first: 50) { nodes {
      id status discoverySource riskTypes clueDate clueBy verifiedAt verifiedBy publicizedAt approvedAt
      rejectedAt rejectionReason riskEliminatedAt eliminationMethod
      visits(first: 100) { nodes { id visitDate visitor findings } } } }
    measures(first: 200) { nodes { id type description startDate endDate status } }
    incomes(first: 50, orderBy: [{ field: YEAR, direction: DESC }]) {
      nodes { year people netIncomeYuan perCapitaNetIncomeYuan } }
  }
  monitoringThresholds(first: 100) { nodes { year amountYuan } }
}`;

interface Event {
  date: string;
  kind: 'case' | 'visit' | 'measure';
  title: string;
  detail?: string;
  href?: string;
}

const yuan = (v: string | null) =>
  v === null ? '—' : Number(v).toLocaleString('zh-CN', { style: 'currency', currency: 'CNY' });

/**
 * A household's history in one list, newest first: every step of its monitoring cases, its visits
 * and its measures; then its income by year against that year's monitoring line.
 */
export function HouseholdTimeline() {
  const record = useRecordContext();
  const t = useTranslate();
  const [data, setData] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (record?.id) gql(QUERY, { id: record.id }).then(setData, (e) => setError(e.message));
  }, [record?.id]);
  if (error) return <Typography color="error">{t(error, { _: error })}</Typography>;
  if (!data?.household) return null;
  const h = data.household;
  const status = (s: string) => t(`enums.MonitoringStatus.${s}`);
  const events: Event[] = [];
  for (const c of h.monitoringCases.nodes) {
    const href = `#/monitoringCases/${c.id}/show`;
    const risks = c.riskTypes.map((x: string) => t(`enums.RiskType.${x}`)).join('、');
    const steps: [string | null, string, string?][] = [
      [c.clueDate, status('CLUE'), `${t(`enums.DiscoverySource.${c.discoverySource}`)} · ${c.clueBy}`],
      [c.verifiedAt, status('VERIFIED'), risks],
      [c.publicizedAt, status('PUBLICIZED')],
      [c.approvedAt, status('APPROVED')],
      [c.rejectedAt, status('REJECTED'), c.rejectionReason],
      [
        c.riskEliminatedAt,
        status('RISK_ELIMINATED'),
        c.eliminationMethod && t(`enums.EliminationMethod.${c.eliminationMethod}`),
      ],
    ];
    for (const [date, title, detail] of steps)
      if (date)
        events.push({
          date,
          kind: 'case',
          title: `${t('app.monitoring.case')} #${c.id} ${title}`,
          detail,
          href,
        });
    for (const v of c.visits.nodes)
      events.push({
        date: v.visitDate,
        kind: 'visit',
        title: `${t('app.monitoring.visit')} · ${v.visitor}`,
        detail: v.findings,
        href,
      });
  }
  for (const m of h.measures.nodes) {
    events.push({
      date: m.startDate,
      kind: 'measure',
      title: `${t(`enums.MeasureType.${m.type}`)} · ${t(`enums.MeasureStatus.${m.status}`)}`,
      detail: m.endDate ? `${m.description}（${m.startDate} — ${m.endDate}）` : m.description,
      href: `#/assistanceMeasures/${m.id}/show`,
    });
  }
  events.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const lines = new Map<number, string>(
    data.monitoringThresholds.nodes.map((x: any) => [x.year, x.amountYuan]),
  );
  const color = { case: 'primary', visit: 'default', measure: 'success' } as const;
  return (
    <Box>
      <Typography variant="h6">{t('app.monitoring.timeline')}</Typography>
      {events.length === 0 && <Typography variant="body2">{t('app.none')}</Typography>}
      <List dense>
        {events.map((e, i) => (
          <ListItem key={i} divider>
            <Chip size="small" label={e.date} sx={{ mr: 2, minWidth: 96 }} />
            <Chip
              size="small"
              color={color[e.kind]}
              label={t(`app.monitoring.kind.${e.kind}`)}
              sx={{ mr: 2 }}
            />
            <ListItemText
              primary={e.href ? <Link href={e.href}>{e.title}</Link> : e.title}
              secondary={e.detail}
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {t('app.monitoring.incomeByYear')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('resources.householdIncomes.fields.year')}</TableCell>
            <TableCell>{t('resources.householdIncomes.fields.people')}</TableCell>
            <TableCell align="right">{t('resources.householdIncomes.fields.netIncomeYuan')}</TableCell>
            <TableCell align="right">
              {t('resources.householdIncomes.fields.perCapitaNetIncomeYuan')}
            </TableCell>
            <TableCell align="right">{t('resources.monitoringThresholds.fields.amountYuan')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {h.incomes.nodes.map((x: any) => {
            const line = lines.get(x.year) ?? null;
            const below = line !== null && Number(x.perCapitaNetIncomeYuan) <= Number(line);
            return (
              <TableRow key={x.year}>
                <TableCell>{x.year}</TableCell>
                <TableCell>{x.people}</TableCell>
                <TableCell align="right">{yuan(x.netIncomeYuan)}</TableCell>
                <TableCell align="right" sx={below ? { color: 'error.main', fontWeight: 600 } : undefined}>
                  {yuan(x.perCapitaNetIncomeYuan)}
                </TableCell>
                <TableCell align="right">{yuan(line)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
