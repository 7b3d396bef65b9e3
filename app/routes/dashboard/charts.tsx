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
  const withText = data.some((d) => d.text);
  return (
    <div className="chart" {...(description ? { role: "img", "aria-label": description } : { "aria-hidden": true })}>
      <ResponsiveContainer width="100%" height={height} minWidth={280}>
        <BarChart data={data} layout="vertical" margin={{ top: 20, right: withText ? 124 : 64, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#c8cdd0" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, max ?? "auto"]}
            tickFormatter={format}
            tick={{ fill: "#212121", fontSize: 14 }}
          />
          <YAxis type="category" dataKey="label" width={170} tick={{ fill: "#212121", fontSize: 14 }} />
          <Bar dataKey="value" fill="#003479" isAnimationActive={false}>
            <LabelList
              dataKey={withText ? "text" : "value"}
              position="right"
              formatter={(v: number | string) => (typeof v === "number" ? format(v) : v)}
              fill="#212121"
              fontSize={14}
            />
          </Bar>
          {reference != null ? (
            <ReferenceLine
              x={reference}
              stroke="#b3261e"
              strokeDasharray="6 3"
              strokeWidth={2}
              label={{ value: referenceLabel, position: "top", fill: "#b3261e", fontSize: 14 }}
            />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
