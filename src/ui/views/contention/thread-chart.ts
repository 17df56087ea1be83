/** D3 drawing of the live thread sweep (measured speedup against threads, with each point's range). */
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { ThreadSweepPoint } from "../../../app/live-sweep";
import { formatTimes } from "../../format";
import { chartFrame, drawSpeedupAxes, MARGIN } from "./speedup-frame";

const LAYERS = ["grid", "axes", "ranges", "line", "points"] as const;

/** What a point's tooltip and accessible text say: the measured median and its range. */
export function threadPointText(p: ThreadSweepPoint): string {
  return `${p.threads} thread${p.threads === 1 ? "" : "s"}: measured ${formatTimes(p.speedup)} (median of ${p.runs} runs, range ${formatTimes(p.speedupMin)}–${formatTimes(p.speedupMax)})`;
}

export function drawThreadSweep(
  svgEl: SVGSVGElement,
  points: readonly ThreadSweepPoint[],
  plan: readonly number[],
  width: number,
  height: number,
): void {
  const frame = chartFrame(svgEl, LAYERS, width, height);
  const { layer, right, bottom } = frame;
  const first = plan[0] ?? 1;
  const last = plan.at(-1) ?? 1;
  // Half a step of room either side, so the first and last points and their ranges are not on the edge.
  const step = plan.length > 1 ? plan[1] - plan[0] : 1;
  const x = scaleLinear()
    .domain([first - step / 2, last + step / 2])
    .range([MARGIN.left, right]);
  const top = Math.max(1, ...points.map((p) => p.speedupMax)) * 1.08;
  const y = scaleLinear().domain([0, top]).range([bottom, MARGIN.top]).nice(5);
  // At most about ten labelled thread counts, so a 64-core machine's axis stays readable.
  const every = Math.ceil(plan.length / 10);
  drawSpeedupAxes(frame, {
    x,
    y,
    xTicks: plan.filter((_, i) => i % every === 0),
    xTickText: String,
    axisLabel: "threads (measured on this machine) →",
    height,
  });

  layer("ranges")
    .selectAll("line")
    .data(points)
    .join("line")
    .attr("class", "ct-range")
    .attr("x1", (p) => x(p.threads))
    .attr("x2", (p) => x(p.threads))
    .attr("y1", (p) => y(p.speedupMin))
    .attr("y2", (p) => y(p.speedupMax));
  const path = line<ThreadSweepPoint>()
    .x((p) => x(p.threads))
    .y((p) => y(p.speedup));
  layer("line")
    .selectAll("path")
    .data(points.length > 0 ? [points] : [])
    .join("path")
    .attr("class", "ct-measured-line ct-measured")
    .attr("fill", "none")
    .attr("d", (ps) => path([...ps]));
  layer("points")
    .selectAll("circle")
    .data(points)
    .join((enter) => {
      const c = enter.append("circle");
      c.append("title");
      return c;
    })
    .attr("class", "ct-point ct-measured")
    .attr("data-testid", "measured-point")
    .attr("r", 4)
    .attr("cx", (p) => x(p.threads))
    .attr("cy", (p) => y(p.speedup))
    .select("title")
    .text(threadPointText);
}
