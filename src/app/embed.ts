/**
 * Embedding one view in a slide deck: the embedded page's address (the current link with `embed=1` and
 * the view) and the <iframe> snippet that shows it, and the full app's address from inside an embed.
 */
import type { EmbedView } from "../engine/scenario/view-state";
import { linkView, playback, runStore } from "./page";
import { shownLink } from "./url-sync";

export const EMBED_TITLES: Readonly<Record<EmbedView, string>> = {
  graph: "dependency graph",
  lanes: "worker lanes",
  shards: "shards and messages",
  metrics: "metrics",
  compare: "two runs compared",
};

/** The current link as a full address, showing `embed` alone (or the whole app when null). */
export function addressWith(embed: EmbedView | null): string | null {
  const shown = runStore.getState().shown;
  if (!shown) return null;
  const link = shownLink(shown, playback.getState(), { ...linkView.getState(), embed }, false);
  return `${location.origin}${location.pathname}${link}`;
}

const attribute = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/**
 * The snippet for a deck: 16:9, no border. `allow="cross-origin-isolated"` lets the frame share memory
 * between workers (the live mode) where the deck's page is itself isolated; elsewhere runs are virtual.
 */
export function embedCode(view: EmbedView, width = 800, height = 450): string | null {
  const src = addressWith(view);
  if (!src) return null;
  return `<iframe src="${attribute(src)}" width="${width}" height="${height}" title="TxLanes: ${EMBED_TITLES[view]}" style="border: 0" allow="cross-origin-isolated; fullscreen" loading="lazy"></iframe>`;
}
