/** One bar of a chart: its label and value (null when the figure is withheld). */
export interface Bar {
  label: string;
  value: number | null;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * A horizontal bar chart drawn on the server as SVG (no chart library, no script in the browser). The SVG is an
 * image with a title; the table beside it holds the same figures for screen readers and for copying.
 * Hand-written: about 30 lines, where a charting library would bring a browser bundle or a canvas dependency.
 */
export function barChartSvg(bars: Bar[], title: string, withheldText: string, unit = '%'): string {
  const rowHeight = 28;
  const labelWidth = 220;
  const chartWidth = 360;
  const height = bars.length * rowHeight + 10;
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const rows = bars
    .map((bar, index) => {
      const y = index * rowHeight + 5;
      const label = `<text x="0" y="${y + 18}" font-size="14" fill="#0b0c0c">${escape(bar.label)}</text>`;
      if (bar.value === null) {
        return `${label}<text x="${labelWidth}" y="${y + 18}" font-size="14" fill="#505a5f">${escape(withheldText)}</text>`;
      }
      const width = Math.round((bar.value / max) * chartWidth);
      return `${label}<rect x="${labelWidth}" y="${y + 4}" width="${width}" height="18" fill="#1d70b8"/><text x="${labelWidth + width + 6}" y="${y + 18}" font-size="14" fill="#0b0c0c">${bar.value}${unit}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${labelWidth + chartWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + chartWidth + 60} ${height}"><title>${escape(title)}</title>${rows}</svg>`;
}
