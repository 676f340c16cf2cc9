/**
 * The 売上分析 chart: bars of tax-excluded goods per key, stacked Bカート / 卸, and last year's total as
 * a line. Chart.js draws on a canvas with no eval and no injected stylesheet (the CSP's script-src /
 * style-src 'self' hold) and uses the page's own fonts (nothing fetched); animation is off so the
 * chart is drawn at once and a screenshot is stable.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatYen } from '../../format/number';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export interface ChartSeries {
  labels: string[];
  bcart: number[];
  wholesale: number[];
  previous: number[];
}

export function SalesChart({ series, title }: { series: ChartSeries; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const context = el?.getContext('2d');
    // jsdom (renderer unit tests) has no canvas: the table beside the chart carries the figures
    if (!el || !context) return undefined;
    const family = getComputedStyle(document.documentElement).fontFamily;
    const chart = new Chart(context, {
      type: 'bar',
      data: {
        labels: series.labels,
        datasets: [
          { type: 'bar', label: 'Bカート', data: series.bcart, backgroundColor: '#1f5fbf', stack: 'now' },
          { type: 'bar', label: '卸', data: series.wholesale, backgroundColor: '#e0892b', stack: 'now' },
          { type: 'line', label: '前年', data: series.previous, borderColor: '#5b6475', backgroundColor: '#5b6475', borderDash: [4, 3], pointRadius: 3 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        font: { family },
        scales: {
          x: { stacked: true, ticks: { font: { family } } },
          y: { stacked: true, ticks: { font: { family }, callback: (v) => formatYen(Number(v)) } },
        },
        plugins: {
          legend: { labels: { font: { family } } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${formatYen(Number(c.parsed.y))}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [series]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
