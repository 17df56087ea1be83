import { useEffect, useRef, useState } from "react";
import { frameLoop } from "../../frame-loop";
import { useWidth } from "../use-width";

/**
 * A D3 chart's box: an <svg> as wide as its box and `height` tall, redrawn by `draw` in the frame after
 * every render (the contention chart and the measured thread sweep), not in the task that rendered it.
 */
export function SvgChart({
  height,
  label,
  draw,
}: {
  height: number;
  label: string;
  draw: (svg: SVGSVGElement, width: number, height: number) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const latest = useRef({ draw, width, height });
  latest.current = { draw, width, height };
  const [paint] = useState(() => (): void => {
    const { draw, width, height } = latest.current;
    if (svgRef.current && width > 0) draw(svgRef.current, width, height);
  });
  useEffect(() => frameLoop.requestDraw(paint));
  useEffect(() => () => frameLoop.drop(paint), [paint]);
  return (
    <div ref={boxRef} className="ct-chart" style={{ height }}>
      <svg ref={svgRef} role="img" aria-label={label} />
    </div>
  );
}
