/**
 * A small SVG line-chart writer for the benchmark report: panels of series on a shared log-scale
 * time axis against N. No dependency: the chart is a few dozen elements.
 */

/** One line of a panel. */
export interface Series {
  label: string;
  color: string;
  /** [N, seconds]; missing points are skipped. */
  points: [number, number][];
  dashed?: boolean;
}

/** One chart panel. */
export interface Panel {
  title: string;
  series: Series[];
}

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Renders panels side by side in rows of `columns`, time (log scale) against N (linear). */
export function lineChart(panels: Panel[], options: { title: string; columns?: number; note?: string }): string {
  const columns = options.columns ?? 2;
  const width = 460;
  const height = 320;
  const margin = { left: 58, right: 12, top: 34, bottom: 86 };
  const rows = Math.ceil(panels.length / columns);
  const totalWidth = width * columns;
  const totalHeight = height * rows + 40 + (options.note ? 20 : 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${totalWidth}" height="${totalHeight}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${totalWidth / 2}" y="22" text-anchor="middle" font-size="15">${esc(options.title)}</text>`,
  ];
  panels.forEach((panel, index) => {
    const ox = (index % columns) * width;
    const oy = 40 + Math.floor(index / columns) * height;
    const plotW = width - margin.left - margin.right;
    const plotH = height - margin.top - margin.bottom;
    const all = panel.series.flatMap((s) => s.points).filter(([, t]) => t > 0);
    const ns = all.map(([n]) => n);
    const nMin = 0;
    const nMax = Math.max(...ns, 1);
    const tMin = 10 ** Math.floor(Math.log10(Math.min(...all.map(([, t]) => t), 1)));
    const tMax = 10 ** Math.ceil(Math.log10(Math.max(...all.map(([, t]) => t), 1)));
    const x = (n: number) => ox + margin.left + ((n - nMin) / (nMax - nMin)) * plotW;
    const y = (t: number) => oy + margin.top + plotH - ((Math.log10(t) - Math.log10(tMin)) / (Math.log10(tMax) - Math.log10(tMin))) * plotH;
    out.push(`<text x="${ox + width / 2}" y="${oy + 18}" text-anchor="middle" font-size="13">${esc(panel.title)}</text>`);
    out.push(`<rect x="${ox + margin.left}" y="${oy + margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`);
    for (let decade = tMin; decade <= tMax; decade *= 10) {
      out.push(`<line x1="${ox + margin.left}" x2="${ox + margin.left + plotW}" y1="${y(decade)}" y2="${y(decade)}" stroke="#eee"/>`);
      out.push(
        `<text x="${ox + margin.left - 4}" y="${y(decade) + 4}" text-anchor="end">${decade >= 1 ? decade : decade.toPrecision(1)} s</text>`,
      );
    }
    for (const n of [...new Set(ns)].sort((a, b) => a - b)) {
      out.push(`<text x="${x(n)}" y="${oy + margin.top + plotH + 14}" text-anchor="middle">${n}</text>`);
    }
    out.push(`<text x="${ox + margin.left + plotW / 2}" y="${oy + margin.top + plotH + 28}" text-anchor="middle">N (resources)</text>`);
    panel.series.forEach((series, i) => {
      const points = series.points.filter(([, t]) => t > 0).sort((a, b) => a[0] - b[0]);
      if (points.length === 0) return;
      const path = points.map(([n, t], k) => `${k === 0 ? "M" : "L"}${x(n).toFixed(1)},${y(t).toFixed(1)}`).join(" ");
      out.push(
        `<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5,4"' : ""}/>`,
      );
      for (const [n, t] of points) out.push(`<circle cx="${x(n).toFixed(1)}" cy="${y(t).toFixed(1)}" r="2.5" fill="${series.color}"/>`);
      const lx = ox + margin.left + (i % 2) * (plotW / 2);
      const ly = oy + margin.top + plotH + 44 + Math.floor(i / 2) * 14;
      out.push(
        `<line x1="${lx}" x2="${lx + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${series.color}" stroke-width="2"${series.dashed ? ' stroke-dasharray="5,4"' : ""}/>`,
      );
      out.push(`<text x="${lx + 22}" y="${ly}">${esc(series.label)}</text>`);
    });
  });
  if (options.note) out.push(`<text x="10" y="${totalHeight - 8}" fill="#555">${esc(options.note)}</text>`);
  out.push("</svg>");
  return out.join("\n");
}
