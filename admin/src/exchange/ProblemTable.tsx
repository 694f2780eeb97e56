import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Rows of an import report: row number, column (or household), text; at most 500 shown. */
export function ProblemTable({
  rows,
  columnLabel = 'app.import.column',
}: {
  rows: { row: number; column: string; text: string }[];
  columnLabel?: string;
}) {
  const t = useTranslate();
  if (!rows.length) return null;
  return (
    <Table size="small" sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('app.import.row')}</TableCell>
          <TableCell>{t(columnLabel)}</TableCell>
          <TableCell>{t('app.import.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.slice(0, 500).map((p, i) => (
          <TableRow key={i}>
            <TableCell>{p.row}</TableCell>
            <TableCell>{p.column}</TableCell>
            <TableCell>{p.text}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
