/** What the contention chart and the measured thread sweep share: the frame, the speedup grid and the axes. */
import type { ScaleContinuousNumeric } from "d3-scale";
import { type Selection, select } from "d3-selection";

export const MARGIN = { top: 12, right: 14, bottom: 32, left: 38 };

type Layer = Selection<SVGGElement, null, SVGSVGElement, unknown>;

export interface Frame {
  /** The named layer's group, made once, in the order the layers were given (later ones draw on top). */
  readonly layer: (name: string) => Layer;
  /** The plot's right edge and its bottom (the x axis), in pixels. */
  readonly right: number;
  readonly bottom: number;
}

/** Sizes the svg and makes its layers. */
export function chartFrame(
  svgEl: SVGSVGElement,
  layers: readonly string[],
  width: number,
  height: number,
): Frame {
  const svg = select(svgEl)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height);
  const layer = (name: string): Layer =>
    svg.selectAll<SVGGElement, null>(`g.layer-${name}`).data([null]).join("g").attr("class", `layer-${name}`);
  for (const name of layers) layer(name);
  return { layer, right: Math.max(MARGIN.left + 20, width - MARGIN.right), bottom: height - MARGIN.bottom };
}

export interface SpeedupAxes {
  readonly x: ScaleContinuousNumeric<number, number>;
  readonly y: ScaleContinuousNumeric<number, number>;
  readonly xTicks: readonly number[];
  readonly xTickText: (v: number) => string;
  readonly axisLabel: string;
  readonly height: number;
}

/** The horizontal grid with its speedup ticks (in the "grid" layer), the x ticks, label and baseline ("axes"). */
export function drawSpeedupAxes(frame: Frame, a: SpeedupAxes): void {
  const { layer, right, bottom } = frame;
  const yTicks = a.y.ticks(5);
  const grid = layer("grid");
  grid
    .selectAll("line")
    .data(yTicks)
    .join("line")
    .attr("class", "ct-grid")
    .attr("x1", MARGIN.left)
    .attr("x2", right)
    .attr("y1", (v) => a.y(v))
    .attr("y2", (v) => a.y(v));
  grid
    .selectAll("text")
    .data(yTicks)
    .join("text")
    .attr("class", "ct-tick")
    .attr("x", MARGIN.left - 5)
    .attr("y", (v) => a.y(v))
    .attr("dy", "0.32em")
    .attr("text-anchor", "end")
    .text((v) => `${v}×`);

  const axes = layer("axes");
  axes
    .selectAll("text.ct-xtick")
    .data(a.xTicks)
    .join("text")
    .attr("class", "ct-tick ct-xtick")
    .attr("x", (v) => a.x(v))
    .attr("y", bottom + 13)
    .attr("text-anchor", "middle")
    .text(a.xTickText);
  axes
    .selectAll("text.ct-axis")
    .data([a.axisLabel])
    .join("text")
    .attr("class", "ct-axis")
    .attr("x", (MARGIN.left + right) / 2)
    .attr("y", a.height - 4)
    .attr("text-anchor", "middle")
    .text((t) => t);
  axes
    .selectAll("line")
    .data([null])
    .join("line")
    .attr("class", "ct-baseline")
    .attr("x1", MARGIN.left)
    .attr("x2", right)
    .attr("y1", bottom)
    .attr("y2", bottom);
}
