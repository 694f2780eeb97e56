import { useEffect, useState } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { gql } from '../providers/graphql';

interface Value {
  field: string;
  label: string;
  valueText: string | null;
  source: string;
  asOf: string;
  recordedBy: string;
  department: { name: string } | null;
}

/** A member's sector fields (低保, 特困, 医保, 残疾证, 在校 …) with their department, source and as-of date. */
export function MemberSectorFields() {
  const t = useTranslate();
  const record = useRecordContext();
  const [values, setValues] = useState<Value[] | null>(null);
  useEffect(() => {
    if (!record?.id) return;
    gql<{ householdMember: { sectorFields: Value[] } | null }>(
      `query($id: ID!) { householdMember(id: $id) { sectorFields { field label valueText source asOf recordedBy department { name } } } }`,
      { id: record.id },
    )
      .then((d) => setValues(d.householdMember?.sectorFields ?? []))
      .catch(() => setValues([]));
  }, [record?.id]);
  if (!values) return null;
  return (
    <div data-testid="sector-fields">
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {t('app.exchange.sector.title')}
      </Typography>
      {values.length === 0 ? (
        <Typography variant="body2">{t('app.exchange.sector.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('app.exchange.sector.field')}</TableCell>
              <TableCell>{t('app.exchange.sector.value')}</TableCell>
              <TableCell>{t('app.exchange.sector.department')}</TableCell>
              <TableCell>{t('app.exchange.sector.source')}</TableCell>
              <TableCell>{t('app.exchange.sector.asOf')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {values.map((v) => (
              <TableRow key={v.field}>
                <TableCell>{v.label}</TableCell>
                <TableCell>{v.valueText ?? '***'}</TableCell>
                <TableCell>{v.department?.name ?? ''}</TableCell>
                <TableCell>{t(`enums.SectorSource.${v.source}`, { _: v.source })}</TableCell>
                <TableCell>{v.asOf}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
