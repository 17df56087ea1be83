/** The right column's cards, in order: each takes the shown run and reads the playhead itself. */
import type { ComponentType } from "react";
import type { ShownRun } from "../app/store";
import { Caption } from "./views/caption";
import { ContentionChart } from "./views/contention";
import { Inspector } from "./views/inspector";
import { Legend } from "./views/legend";
import { MetricsPanel } from "./views/metrics";

export type SidePanel = ComponentType<{ run: ShownRun }>;

export const SIDE_PANELS: readonly { readonly name: string; readonly Panel: SidePanel }[] = [
  { name: "caption", Panel: Caption },
  { name: "metrics", Panel: MetricsPanel },
  { name: "inspector", Panel: Inspector },
  { name: "legend", Panel: Legend },
  { name: "contention", Panel: ContentionChart },
];
