import type { ReportDay } from "@/lib/portal/report";
import { formatBytes } from "@/components/portal/content/format";

/** Assets that arrived per day (bars) and removed (dark ticks), as an SVG with a text summary. */
export function ArrivalsChart({ series }: { series: ReportDay[] }) {
  const W = 900;
  const H = 220;
  const pad = { l: 40, r: 10, t: 10, b: 28 };
  const max = Math.max(1, ...series.map((d) => Math.max(d.arrived, d.removed)));
  const bw = (W - pad.l - pad.r) / series.length;
  const y = (v: number) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const total = series.reduce((n, d) => n + d.arrived, 0);
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <figure className="rounded-2xl border border-line bg-surface p-4">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Assets arrived per day</title>
        <desc id="chart-desc">
          {`${total} assets arrived in the last ${series.length} days; ${series
            .filter((d) => d.arrived || d.removed)
            .map((d) => `${d.day}: ${d.arrived} arrived, ${d.removed} removed`)
            .join("; ")}`}
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} stroke="#e1e1e1" />
            <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#6e6e6e">
              {t}
            </text>
          </g>
        ))}
        {series.map((d, i) => (
          <g key={d.day}>
            <rect
              x={pad.l + i * bw + bw * 0.15}
              y={y(d.arrived)}
              width={bw * 0.7}
              height={H - pad.b - y(d.arrived)}
              rx={3}
              fill="#1473e6"
            >
              <title>{`${d.day}: ${d.arrived} arrived (${formatBytes(d.bytes)}), ${d.removed} removed`}</title>
            </rect>
            {d.removed > 0 && (
              <rect x={pad.l + i * bw + bw * 0.3} y={y(d.removed) - 1.5} width={bw * 0.4} height={3} fill="#222" />
            )}
            {(i % 5 === 0 || i === series.length - 1) && (
              <text x={pad.l + i * bw + bw / 2} y={H - 8} textAnchor="middle" fontSize="11" fill="#6e6e6e">
                {d.day.slice(5)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex gap-4 text-xs text-ink-muted">
        <span className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm bg-accent" aria-hidden /> Assets arrived
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-1 w-3 bg-ink" aria-hidden /> Assets removed
        </span>
      </figcaption>
    </figure>
  );
}
