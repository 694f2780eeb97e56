import type { IndicatorValue } from './api';
import { shortName } from './api';

/** The indicator table as an .xlsx file (exceljs, loaded on demand): Chinese headers, one row per indicator. */
export async function exportIndicators(rows: IndicatorValue[], t: (key: string, o?: any) => string) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(t('app.indicators.title').slice(0, 31));
  const c = (k: string) => t(`app.indicators.columns.${k}`);
  sheet.columns = [
    { header: c('key'), key: 'key', width: 30 },
    { header: c('name'), key: 'name', width: 40 },
    { header: c('area'), key: 'area', width: 14 },
    { header: c('target'), key: 'target', width: 12 },
    { header: c('value'), key: 'value', width: 12 },
    { header: c('unit'), key: 'unit', width: 14 },
    { header: c('numerator'), key: 'numerator', width: 10 },
    { header: c('denominator'), key: 'denominator', width: 10 },
    { header: c('status'), key: 'status', width: 10 },
    { header: c('trend'), key: 'trend', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow({
      key: r.key,
      name: shortName(r.indicator.name),
      area: r.areaName,
      // Decimal strings stay text: no float rounding in the file
      target: r.target,
      value: r.value,
      unit: r.indicator.unit,
      numerator: r.numerator,
      denominator: r.denominator,
      status: t(`enums.IndicatorStatus.${r.status}`),
      trend: r.trend,
    });
  const blob = new Blob([await book.xlsx.writeBuffer()], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${t('app.indicators.title')}.xlsx`;
  a.click();
  URL.revokeObjectURL(a.href);
}
