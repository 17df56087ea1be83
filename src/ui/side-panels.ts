/**
 * The right column's cards, from the views that exist: caption, metrics, inspector, legend, contention
 * chart. Each folder's index exports one component taking `{ run: ShownRun }` and reading the playhead
 * itself; a folder not written yet simply adds no card.
 */
import type { ComponentType } from "react";
import type { ShownRun } from "../app/store";

export type SidePanel = ComponentType<{ run: ShownRun }>;

const ORDER: readonly (readonly [folder: string, exportName: string])[] = [
  ["caption", "Caption"],
  ["metrics", "MetricsPanel"],
  ["inspector", "Inspector"],
  ["legend", "Legend"],
  ["contention", "ContentionChart"],
];

const modules = import.meta.glob<Record<string, unknown>>(
  "./views/{caption,metrics,inspector,legend,contention}/index.{ts,tsx}",
  { eager: true },
);

const isPanel = (v: unknown): v is SidePanel => typeof v === "function";

export const SIDE_PANELS: readonly { readonly name: string; readonly Panel: SidePanel }[] = ORDER.flatMap(
  ([folder, name]) => {
    const mod = modules[`./views/${folder}/index.tsx`] ?? modules[`./views/${folder}/index.ts`];
    const Panel = mod?.[name];
    return isPanel(Panel) ? [{ name, Panel }] : [];
  },
);
