/** D3 drawing of the contention chart (speedup against skew or accounts) into an <svg> React owns. */
import { scaleLinear, scaleLog } from "d3-scale";
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from "d3-shape";
import { formatCount, formatTimes } from "../../format";
import { titled } from "../titled";
import { SERIES, type Series, type SeriesPoint, type SeriesStyle } from "./series";
import { chartFrame, drawSpeedupAxes, MARGIN } from "./speedup-frame";

export interface ContentionData {
  readonly axis: "skew" | "accounts";
  readonly series: readonly Series[];
  /** Where the current scenario sits: its knob value and its run's speedup (null: not on this axis). */
  readonly marker: { readonly value: number; readonly speedup: number } | null;
}

const LAYERS = ["grid", "axes", "lines", "points", "marker"] as const;
export const SKEW_DOMAIN: [number, number] = [0, 2];
export const ACCOUNTS_DOMAIN: [number, number] = [2, 10000];

const SHAPES = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
} as const;

function markerPath(style: SeriesStyle): string {
  if (style.marker === "none") return "";
  return symbol(SHAPES[style.marker], style.marker === "triangle" ? 42 : 30)() ?? "";
}

const axisName = (axis: ContentionData["axis"]): string =>
  axis === "skew" ? "hot-key skew (Zipf s) →" : "← accounts (log scale)";

export function drawContention(
  svgEl: SVGSVGElement,
  data: ContentionData,
  width: number,
  height: number,
): void {
  const frame = chartFrame(svgEl, LAYERS, width, height);
  const { layer, right, bottom } = frame;
  const x =
    data.axis === "skew"
      ? scaleLinear().domain(SKEW_DOMAIN).range([MARGIN.left, right])
      : scaleLog().domain(ACCOUNTS_DOMAIN).range([MARGIN.left, right]);
  const all = data.series.flatMap((s) => s.points.map((p) => p.speedup));
  const top = Math.max(1, data.marker?.speedup ?? 0, ...all) * 1.08;
  const y = scaleLinear().domain([0, top]).range([bottom, MARGIN.top]).nice(5);
  drawSpeedupAxes(frame, {
    x,
    y,
    xTicks: data.axis === "skew" ? [0, 0.5, 1, 1.5, 2] : [2, 10, 100, 1000, 10000],
    xTickText: (v) => (data.axis === "skew" ? String(v) : formatCount(v)),
    axisLabel: axisName(data.axis),
    height,
  });

  const path = line<SeriesPoint>()
    .x((p) => x(p.value))
    .y((p) => y(p.speedup));
  layer("lines")
    .selectAll("path")
    .data(data.series, (s) => (s as Series).id)
    .join("path")
    .attr("class", (s) => `ct-line ct-${s.id}`)
    .attr("fill", "none")
    .attr("stroke", (s) => `var(--${SERIES[s.id].color})`)
    .attr("stroke-dasharray", (s) => SERIES[s.id].dash || null)
    .attr("d", (s) => path([...s.points]));

  const marks = data.series.flatMap((s) =>
    SERIES[s.id].marker === "none" ? [] : s.points.map((p) => ({ id: s.id, p })),
  );
  layer("points")
    .selectAll("path")
    .data(marks)
    .join(titled("path"))
    .attr("class", (m) => `ct-point ct-${m.id}`)
    .attr("d", (m) => markerPath(SERIES[m.id]))
    .attr("fill", (m) => `var(--${SERIES[m.id].color})`)
    .attr("transform", (m) => `translate(${x(m.p.value)},${y(m.p.speedup)})`)
    .select("title")
    .text(
      (m) =>
        `${SERIES[m.id].label} at ${data.axis} ${formatCount(m.p.value)}: ${formatTimes(m.p.speedup)}` +
        (m.id === "blockstm" ? `, ${formatCount(m.p.aborts)} aborts` : ""),
    );

  const mark = data.marker
    ? [
        {
          cx: x(Math.min(Math.max(data.marker.value, x.domain()[0]), x.domain()[1])),
          cy: y(data.marker.speedup),
        },
      ]
    : [];
  const m = layer("marker");
  m.selectAll("line")
    .data(mark)
    .join("line")
    .attr("class", "ct-marker-line")
    .attr("x1", (d) => d.cx)
    .attr("x2", (d) => d.cx)
    .attr("y1", MARGIN.top)
    .attr("y2", bottom);
  m.selectAll("circle")
    .data(mark)
    .join("circle")
    .attr("class", "ct-marker")
    .attr("cx", (d) => d.cx)
    .attr("cy", (d) => d.cy)
    .attr("r", 7);
  m.selectAll("text")
    .data(mark)
    .join("text")
    .attr("class", "ct-marker-label")
    .attr("x", (d) => d.cx + (d.cx > (MARGIN.left + right) / 2 ? -10 : 10))
    .attr("y", (d) => d.cy - 9)
    .attr("text-anchor", (d) => (d.cx > (MARGIN.left + right) / 2 ? "end" : "start"))
    .text("this run");
}
