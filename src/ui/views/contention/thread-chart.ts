/**
 * D3 drawing of the thread sweep: the measured speedup against threads (median, with each point's range) and,
 * beside it, the simulated speedup of the same block and scheduler at the same thread counts.
 */
import { type ScaleLinear, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { SimThreadPoint } from "../../../app/jobs";
import type { ThreadSweepPoint } from "../../../app/live-sweep";
import { formatTimes, plural } from "../../format";
import { titled } from "../titled";
import { chartFrame, drawSpeedupAxes, MARGIN } from "./speedup-frame";

const LAYERS = ["grid", "axes", "sim-line", "ranges", "line", "sim-points", "points"] as const;

/** What the x axis says: both series' threads, and which kind each is. */
export const THREAD_AXIS_LABEL = "threads: measured live, simulated virtual →";

/** The two series as the legend names them (the chart's only source of these words). */
export const THREAD_SERIES = {
  measured: "measured on this machine: median of the timed runs, the bar their range",
  simulated: "simulated: the same block on the virtual clock, this scenario's cost model",
} as const;

/** What a measured point's tooltip and accessible text say: the median and its range. */
export function threadPointText(p: ThreadSweepPoint): string {
  return `${plural(p.threads, "thread")}: measured ${formatTimes(p.speedup)} (median of ${p.runs} runs, range ${formatTimes(p.speedupMin)}–${formatTimes(p.speedupMax)})`;
}

/** What a simulated point's tooltip and accessible text say. */
export function simPointText(p: SimThreadPoint): string {
  return `${plural(p.threads, "thread")}: simulated ${formatTimes(p.speedup)}`;
}

export interface ThreadChartData {
  /** The thread counts on the axis (the measured sweep's plan). */
  readonly plan: readonly number[];
  readonly measured: readonly ThreadSweepPoint[];
  readonly simulated: readonly SimThreadPoint[];
}

/** Where a mark is drawn (pixels) and what it says. */
export interface ThreadMark {
  readonly threads: number;
  readonly cx: number;
  readonly cy: number;
  readonly text: string;
}

export interface ThreadMarks {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** Measured points, with the ends of their range bars. */
  readonly measured: readonly (ThreadMark & { readonly yMin: number; readonly yMax: number })[];
  readonly simulated: readonly ThreadMark[];
}

/** The scales and every mark's place: one function, so a test checks what the chart plots. */
export function threadMarks(data: ThreadChartData, right: number, bottom: number): ThreadMarks {
  const { plan, measured, simulated } = data;
  const first = plan[0] ?? 1;
  const last = plan.at(-1) ?? 1;
  // Half a step of room either side, so the first and last points and their ranges are not on the edge.
  const step = plan.length > 1 ? plan[1] - plan[0] : 1;
  const x = scaleLinear()
    .domain([first - step / 2, last + step / 2])
    .range([MARGIN.left, right]);
  const top = Math.max(1, ...measured.map((p) => p.speedupMax), ...simulated.map((p) => p.speedup)) * 1.08;
  const y = scaleLinear().domain([0, top]).range([bottom, MARGIN.top]).nice(5);
  return {
    x,
    y,
    measured: measured.map((p) => ({
      threads: p.threads,
      cx: x(p.threads),
      cy: y(p.speedup),
      yMin: y(p.speedupMin),
      yMax: y(p.speedupMax),
      text: threadPointText(p),
    })),
    simulated: simulated.map((p) => ({
      threads: p.threads,
      cx: x(p.threads),
      cy: y(p.speedup),
      text: simPointText(p),
    })),
  };
}

/** Half the side of a simulated point's square marker, px. */
const SQUARE = 3.5;

export function drawThreadSweep(
  svgEl: SVGSVGElement,
  data: ThreadChartData,
  width: number,
  height: number,
): void {
  const frame = chartFrame(svgEl, LAYERS, width, height);
  const { layer, right, bottom } = frame;
  const marks = threadMarks(data, right, bottom);
  const { plan } = data;
  // At most about ten labelled thread counts, so a 64-core machine's axis stays readable.
  const every = Math.ceil(plan.length / 10);
  drawSpeedupAxes(frame, {
    x: marks.x,
    y: marks.y,
    xTicks: plan.filter((_, i) => i % every === 0),
    xTickText: String,
    axisLabel: THREAD_AXIS_LABEL,
    height,
  });

  const path = line<ThreadMark>()
    .x((m) => m.cx)
    .y((m) => m.cy);
  const drawLine = (name: string, ms: readonly ThreadMark[], cls: string): void => {
    layer(name)
      .selectAll("path")
      .data(ms.length > 0 ? [ms] : [])
      .join("path")
      .attr("class", cls)
      .attr("fill", "none")
      .attr("d", (m) => path([...m]));
  };
  drawLine("sim-line", marks.simulated, "ct-sim-line ct-simulated");
  drawLine("line", marks.measured, "ct-measured-line ct-measured");

  layer("ranges")
    .selectAll("line")
    .data(marks.measured)
    .join("line")
    .attr("class", "ct-range")
    .attr("x1", (m) => m.cx)
    .attr("x2", (m) => m.cx)
    .attr("y1", (m) => m.yMin)
    .attr("y2", (m) => m.yMax);
  layer("sim-points")
    .selectAll("rect")
    .data(marks.simulated)
    .join(titled("rect"))
    .attr("class", "ct-point ct-simulated")
    .attr("data-testid", "simulated-point")
    .attr("x", (m) => m.cx - SQUARE)
    .attr("y", (m) => m.cy - SQUARE)
    .attr("width", SQUARE * 2)
    .attr("height", SQUARE * 2)
    .select("title")
    .text((m) => m.text);
  layer("points")
    .selectAll("circle")
    .data(marks.measured)
    .join(titled("circle"))
    .attr("class", "ct-point ct-measured")
    .attr("data-testid", "measured-point")
    .attr("r", 4)
    .attr("cx", (m) => m.cx)
    .attr("cy", (m) => m.cy)
    .select("title")
    .text((m) => m.text);
}
