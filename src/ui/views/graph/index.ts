export { DependencyGraph } from "./DependencyGraph";
export { CROSS_SHARD_RING, GLYPHS, type Glyph, glyphSvg, type SvgLayer } from "./glyphs";
