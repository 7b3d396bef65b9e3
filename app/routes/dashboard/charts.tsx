import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";

/**
 * Presentational horizontal bar charts. Values are printed at the end of each bar and the reference
 * line is labelled, so nothing depends on colour; the same figures are in the table beside each chart.
 * A bar may bring its own label (`text`, e.g. "79,6 % (n = 49)"); with a `description` the chart is an
 * image with that text alternative, otherwise it is hidden from assistive technology (the table says it).
 */
export function HorizontalBars({
  data,
  format,
  reference,
  referenceLabel,
  max,
  description,
}: {
  data: { label: string; value: number; text?: string }[];
  format: (v: number) => string;
  reference?: number;
  referenceLabel?: string;
  max?: number;
  description?: string;
}) {
  const height = Math.max(120, data.length * 34 + 50);
  return (
    <div className="chart" {...(description ? { role: "img", "aria-label": description } : { "aria-hidden": true })}>
      <ResponsiveContainer width="100%" height={height} minWidth={280}>
        <Bars data={data} format={format} reference={reference} referenceLabel={referenceLabel} max={max} />
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The chart at the width ResponsiveContainer measured (it passes `width` and `height`): on a narrow
 * screen the category axis and the labels take less room and a smaller font, so the bars keep a width.
 */
function Bars({
  data,
  format,
  reference,
  referenceLabel,
  max,
  width = 600,
  height,
}: {
  data: { label: string; value: number; text?: string }[];
  format: (v: number) => string;
  reference?: number;
  referenceLabel?: string;
  max?: number;
  width?: number;
  height?: number;
}) {
  const withText = data.some((d) => d.text);
  const narrow = width < 520;
  const fontSize = narrow ? 12 : 14;
  return (
    <BarChart
      width={width}
      height={height}
      data={data}
      layout="vertical"
      margin={{ top: 20, right: withText ? (narrow ? 100 : 124) : 64, bottom: 8, left: narrow ? 0 : 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" horizontal={false} />
      <XAxis type="number" domain={[0, max ?? "auto"]} tickFormatter={format} tick={{ fill: "#212121", fontSize }} />
      <YAxis type="category" dataKey="label" width={narrow ? 86 : 170} tick={{ fill: "#212121", fontSize }} />
      <Bar dataKey="value" fill="#003479" isAnimationActive={false}>
        <LabelList
          dataKey={withText ? "text" : "value"}
          position="right"
          formatter={(v: number | string) => (typeof v === "number" ? format(v) : v)}
          fill="#212121"
          fontSize={fontSize}
        />
      </Bar>
      {reference != null ? (
        <ReferenceLine
          x={reference}
          stroke="#b3261e"
          strokeDasharray="6 3"
          strokeWidth={2}
          label={{ value: referenceLabel, position: "top", fill: "#b3261e", fontSize }}
        />
      ) : null}
    </BarChart>
  );
}
