/**
 * "Copy embed code": an <iframe> snippet of the current link showing one view, for a slide deck. Where the
 * clipboard is refused, the snippet is shown selected to copy by hand.
 */
import { useState } from "react";
import { EMBED_TITLES, embedCode } from "../../app/embed";
import { useLinkView } from "../../app/page";
import type { ShownRun } from "../../app/store";
import { EMBED_VIEWS, type EmbedView } from "../../engine/scenario/view-state";
import { copyText } from "../clipboard";

export function EmbedCode({ run }: { run: ShownRun }) {
  const comparing = useLinkView((s) => s.compare !== null);
  const [view, setView] = useState<EmbedView>("graph");
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string | null>(null);
  const possible = (v: EmbedView): boolean =>
    v === "shards" ? run.scenario.shards > 1 : v === "compare" ? comparing : true;
  const chosen = possible(view) ? view : "graph";
  const copy = (): void => {
    const code = embedCode(chosen);
    if (!code) return;
    copyText(
      code,
      () => {
        setManual(null);
        setCopied(true);
      },
      () => setManual(code),
    );
  };
  return (
    <div className="embed-code">
      <label>
        Embed
        <select
          value={chosen}
          onChange={(e) => {
            setView(e.currentTarget.value as EmbedView);
            setCopied(false);
          }}
        >
          {EMBED_VIEWS.map((v) => (
            <option key={v} value={v} disabled={!possible(v)}>
              {EMBED_TITLES[v]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        onClick={copy}
        title="An <iframe> of this link showing one view, for a slide deck."
      >
        Copy embed code
      </button>
      {copied && (
        <span role="status" className="embed-copied">
          Copied
        </span>
      )}
      {manual && (
        <textarea
          readOnly
          aria-label="Embed code"
          value={manual}
          ref={(el) => el?.select()}
          rows={4}
          className="embed-manual"
        />
      )}
    </div>
  );
}
