/**
 * When a transaction's number fits inside its node: the text's ink (its width by the digits' height) with
 * the dark halo stroked around it must lie inside the disc, so that no digit spills over the node's edge.
 */

/** The halo around a number drawn inside a node, beyond its glyphs (drawLabels strokes 3 px wide). */
export const HALO_PX = 1.5;

/** Bold digits' ink in em, a little over common sans fonts' (0.70 wide, 0.73 tall in DejaVu Sans Bold). */
export const DIGIT_EM = { width: 0.72, height: 0.76 } as const;

/** The smallest node radius that holds a text of this ink width and height, halo included. */
export function radiusHolding(width: number, height: number): number {
  return Math.hypot(width / 2 + HALO_PX, height / 2 + HALO_PX);
}

/** The node radius that holds a number of `digits` digits at `px` pixels, by the estimate above. */
export function radiusForDigits(digits: number, px: number): number {
  return radiusHolding(digits * DIGIT_EM.width * px, DIGIT_EM.height * px);
}
