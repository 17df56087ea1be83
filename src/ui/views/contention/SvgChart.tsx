import { useEffect, useRef } from "react";
import { useWidth } from "../use-width";

/**
 * A D3 chart's box: an <svg> as wide as its box and `height` tall, redrawn by `draw` after every render
 * (the contention chart and the measured thread sweep).
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
  useEffect(() => {
    if (svgRef.current && width > 0) draw(svgRef.current, width, height);
  });
  return (
    <div ref={boxRef} className="ct-chart" style={{ height }}>
      <svg ref={svgRef} role="img" aria-label={label} />
    </div>
  );
}
