/**
 * The Kaplan–Meier curve as a self-contained SVG document (docs/decisions/114), drawn by hand so the
 * same markup serves the report page, its print and the Word document (rendered to PNG there). It
 * reads in greyscale: the curve is a solid black line, its 95 % interval a light grey band with
 * dashed edges, the 80 % reference a dash-dot line, censored pilots short vertical ticks, and a
 * legend names each line style. The figures themselves are in the table beside it.
 */

export type CurveStep = { time: number; survival: number; low: number | null; high: number | null; censored: number };

export type SurvivalSvgLabels = {
  title: string;
  description: string;
  xAxis: string;
  yAxis: string;
  curve: string;
  interval: string;
  reference: string;
  censored: string;
  /** Formats a share 0…1 as a percent in the page's language. */
  percent: (share: number) => string;
  /** Formats whole months in the page's language. */
  number: (n: number) => string;
};

export const SVG_WIDTH = 680;
export const SVG_HEIGHT = 416;
const W = SVG_WIDTH;
const H = SVG_HEIGHT;
const M = { top: 20, right: 24, bottom: 140, left: 64 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

export function esc(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const r1 = (n: number) => Math.round(n * 10) / 10;

/** The x-axis end: the longest follow-up rounded up to 6 months, at least 36. */
export function axisEnd(steps: CurveStep[]) {
  const max = steps.length ? steps[steps.length - 1].time : 0;
  return Math.max(36, Math.ceil(max / 6) * 6);
}

/** Points of a step function from 0 to the last time (y at each step's time after the drop). */
export function stepPath(
  points: { time: number; value: number }[],
  x: (t: number) => number,
  y: (v: number) => number,
) {
  if (!points.length) return "";
  let d = `M${r1(x(0))},${r1(y(1))}`;
  let prev = 1;
  for (const p of points) {
    d += ` H${r1(x(p.time))}`;
    if (p.value !== prev) d += ` V${r1(y(p.value))}`;
    prev = p.value;
  }
  return d;
}

export function survivalSvg(steps: CurveStep[], labels: SurvivalSvgLabels, reference = 0.8): string {
  const end = axisEnd(steps);
  const x = (t: number) => M.left + (Math.min(t, end) / end) * PW;
  const y = (v: number) => M.top + (1 - v) * PH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="km-title km-desc" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="13">`,
    `<title id="km-title">${esc(labels.title)}</title>`,
    `<desc id="km-desc">${esc(labels.description)}</desc>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
  );
  // Grid and axes.
  for (let v = 0; v <= 1.0001; v += 0.2) {
    out.push(
      `<line x1="${M.left}" x2="${M.left + PW}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#d0d0d0" stroke-width="1"/>`,
      `<text x="${M.left - 8}" y="${r1(y(v) + 4)}" text-anchor="end" fill="#000">${esc(labels.percent(v))}</text>`,
    );
  }
  for (let t = 0; t <= end; t += end > 48 ? 12 : 6) {
    out.push(
      `<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${M.top + PH}" y2="${M.top + PH + 5}" stroke="#000"/>`,
      `<text x="${r1(x(t))}" y="${M.top + PH + 20}" text-anchor="middle" fill="#000">${esc(labels.number(t))}</text>`,
    );
  }
  out.push(
    `<line x1="${M.left}" x2="${M.left + PW}" y1="${M.top + PH}" y2="${M.top + PH}" stroke="#000"/>`,
    `<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + PH}" stroke="#000"/>`,
    `<text x="${M.left + PW / 2}" y="${M.top + PH + 40}" text-anchor="middle" fill="#000">${esc(labels.xAxis)}</text>`,
    `<text transform="translate(16 ${M.top + PH / 2}) rotate(-90)" text-anchor="middle" fill="#000">${esc(labels.yAxis)}</text>`,
  );
  // The 95 % interval: a grey band between the dashed lower and upper edges, where it is defined.
  const band = steps.filter((s) => s.low != null && s.high != null);
  if (band.length) {
    const upper = band.map((s, i) => ({
      t0: s.time,
      t1: band[i + 1]?.time ?? steps[steps.length - 1].time,
      v: s.high!,
    }));
    const lower = band.map((s, i) => ({
      t0: s.time,
      t1: band[i + 1]?.time ?? steps[steps.length - 1].time,
      v: s.low!,
    }));
    const top = upper.map((u) => `L${r1(x(u.t0))},${r1(y(u.v))} L${r1(x(u.t1))},${r1(y(u.v))}`).join(" ");
    const bottom = [...lower]
      .reverse()
      .map((l) => `L${r1(x(l.t1))},${r1(y(l.v))} L${r1(x(l.t0))},${r1(y(l.v))}`)
      .join(" ");
    out.push(`<path d="M${top.slice(1)} ${bottom} Z" fill="#e4e4e4" stroke="none"/>`);
    for (const edge of [upper, lower]) {
      const d = edge
        .map((u, i) => `${i ? "L" : "M"}${r1(x(u.t0))},${r1(y(u.v))} L${r1(x(u.t1))},${r1(y(u.v))}`)
        .join(" ");
      out.push(`<path d="${d}" fill="none" stroke="#555" stroke-width="1.2" stroke-dasharray="5 3"/>`);
    }
  }
  // The reference line.
  out.push(
    `<line x1="${M.left}" x2="${M.left + PW}" y1="${r1(y(reference))}" y2="${r1(y(reference))}" stroke="#333" stroke-width="1.5" stroke-dasharray="10 3 2 3"/>`,
  );
  // The curve and the censoring ticks.
  out.push(
    `<path d="${stepPath(
      steps.map((s) => ({ time: s.time, value: s.survival })),
      x,
      y,
    )}" fill="none" stroke="#000" stroke-width="2.5"/>`,
  );
  for (const s of steps.filter((s) => s.censored > 0)) {
    out.push(
      `<line x1="${r1(x(s.time))}" x2="${r1(x(s.time))}" y1="${r1(y(s.survival) - 6)}" y2="${r1(y(s.survival) + 6)}" stroke="#000" stroke-width="1.5"/>`,
    );
  }
  // Legend: one sample of each line style with its name.
  const items = [
    { label: labels.curve, line: `stroke="#000" stroke-width="2.5"` },
    { label: labels.interval, line: `stroke="#555" stroke-width="1.2" stroke-dasharray="5 3"` },
    { label: labels.reference, line: `stroke="#333" stroke-width="1.5" stroke-dasharray="10 3 2 3"` },
    { label: labels.censored, tick: true },
  ];
  // One item a row: the labels are long in Swedish and must not run into each other.
  items.forEach((item, i) => {
    const lx = M.left;
    const ly = M.top + PH + 64 + i * 19;
    if (item.tick) {
      out.push(
        `<line x1="${lx + 13}" x2="${lx + 13}" y1="${ly - 11}" y2="${ly + 1}" stroke="#000" stroke-width="1.5"/>`,
      );
    } else {
      out.push(`<line x1="${lx}" x2="${lx + 26}" y1="${ly - 5}" y2="${ly - 5}" ${item.line}/>`);
    }
    out.push(`<text x="${lx + 34}" y="${ly}" fill="#000">${esc(item.label)}</text>`);
  });
  out.push("</svg>");
  return out.join("");
}
