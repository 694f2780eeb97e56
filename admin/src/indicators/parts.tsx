import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Point, Status, STATUS_COLORS } from './api';

/** The status as a coloured chip. */
export function StatusChip({ status }: { status: Status }) {
  const t = useTranslate();
  return (
    <Chip
      size="small"
      label={t(`enums.IndicatorStatus.${status}`)}
      sx={{ bgcolor: STATUS_COLORS[status], color: '#fff', fontWeight: 600 }}
    />
  );
}

/** A 12-month sparkline as inline SVG: one dot per month, coloured by its status. */
export function Sparkline({ points }: { points: Point[] }) {
  const values = points.filter((p) => p.value !== null).map((p) => Number(p.value));
  if (values.length < 2) return <span>—</span>;
  const w = 120;
  const h = 28;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const xy = points
    .map((p, i) => ({ p, x: (i / Math.max(points.length - 1, 1)) * (w - 6) + 3 }))
    .filter(({ p }) => p.value !== null)
    .map(({ p, x }) => ({ p, x, y: h - 4 - ((Number(p.value) - min) / span) * (h - 8) }));
  return (
    <svg width={w} height={h} role="img" aria-label="sparkline">
      <polyline
        fill="none"
        stroke="#1976d2"
        strokeWidth={1.5}
        points={xy.map(({ x, y }) => `${x},${y}`).join(' ')}
      />
      {xy.map(({ p, x, y }) => (
        <circle key={p.period} cx={x} cy={y} r={2} fill={STATUS_COLORS[p.status]}>
          <title>{`${p.period}: ${p.value}`}</title>
        </circle>
      ))}
    </svg>
  );
}
