import type { BaseType, EnterElement, Selection } from "d3-selection";

/** SVG marks a chart gives a tooltip. */
type MarkTag = "circle" | "path" | "rect";

/** A d3 join's enter step: one `tag` element per datum, with a <title> child for its tooltip. */
export function titled<K extends MarkTag>(tag: K) {
  return <D, P extends BaseType, PD>(
    enter: Selection<EnterElement, D, P, PD>,
  ): Selection<ElementTagNameMap[K], D, P, PD> => {
    const mark = enter.append(tag);
    mark.append("title");
    return mark;
  };
}
