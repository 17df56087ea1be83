/**
 * The link and presentation buttons: the guided story ("Start here") and the glossary, presets, real systems, compare, talk mode, keys, and the two copy-link buttons
 * (the current link, and the link at this moment of the run, with t=). A toast confirms a copy; where the
 * clipboard is refused, the link is shown selected in a box to copy by hand.
 */
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { defaultPatch } from "../../app/compare-patch";
import { linkHere, linkView, openStory, useRun } from "../../app/page";
import { copyText } from "../clipboard";
import { RealSystemsPanel } from "../landscape/RealSystemsPanel";
import { GlossaryDialog } from "../story/GlossaryDialog";
import { runTalkAction, TALK_PANEL } from "../talk/talk-actions";
import { PresetGallery } from "./PresetGallery";
import "./gallery.css";

const TOAST_MS = 2500;

export function LinkBar() {
  const shown = useRun((s) => s.shown);
  const compare = useStore(linkView, (s) => s.compare);
  const talk = useStore(linkView, (s) => s.panels.includes(TALK_PANEL));
  const [gallery, setGallery] = useState(false);
  const [systems, setSystems] = useState(false);
  const [glossary, setGlossary] = useState(false);
  const story = useStore(linkView, (s) => s.story > 0);
  const [toast, setToast] = useState<string | null>(null);
  const [manual, setManual] = useState<string | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  // The manual-copy box opens with its link selected.
  const selectBox = (el: HTMLInputElement | null): void => el?.select();

  const copy = (atMoment: boolean): void => {
    const link = linkHere(atMoment);
    if (!link) return;
    const what = atMoment ? "Link at this moment copied" : "Link copied";
    copyText(
      link,
      () => {
        setManual(null);
        setToast(what);
      },
      () => setManual(link),
    );
  };
  const toggleCompare = (): void => {
    if (compare) linkView.setState({ compare: null });
    else if (shown) linkView.setState({ compare: defaultPatch(shown.scenario) });
  };

  return (
    <nav className="link-bar" aria-label="Links and presentation">
      <button
        type="button"
        className="pill story-start"
        onClick={() => openStory(1)}
        aria-pressed={story}
        data-testid="story-start"
        title="A guided story: eight real runs, step by step, from one worker to a real Ethereum block"
      >
        Start here
      </button>
      <button type="button" className="pill" onClick={() => setGlossary(true)} aria-haspopup="dialog">
        Glossary
      </button>
      <button type="button" className="pill" onClick={() => setGallery(true)} aria-haspopup="dialog">
        Presets
      </button>
      <button type="button" className="pill" onClick={() => setSystems(true)} aria-haspopup="dialog">
        Real systems
      </button>
      <button
        type="button"
        className="pill"
        onClick={toggleCompare}
        aria-pressed={compare !== null}
        disabled={!shown}
      >
        Compare
      </button>
      <button
        type="button"
        className="pill"
        onClick={() => runTalkAction("talk")}
        aria-pressed={talk}
        title="Talk mode (t)"
      >
        Talk
      </button>
      <button
        type="button"
        className="pill"
        onClick={() => runTalkAction("help")}
        title="Keys (?)"
        aria-label="Keys"
      >
        ?
      </button>
      <button
        type="button"
        className="pill"
        onClick={() => copy(false)}
        disabled={!shown}
        title="Copy the link to this scenario and view"
      >
        Copy link
      </button>
      <button
        type="button"
        className="pill"
        onClick={() => copy(true)}
        disabled={!shown}
        title="Copy a link that opens at the playhead's current time"
      >
        Link at this moment
      </button>
      {toast && (
        <output className="toast" data-testid="toast">
          {toast}
        </output>
      )}
      {manual && (
        <div className="manual-copy" role="dialog" aria-label="Copy the link">
          <label>
            The clipboard is not available here: copy the link with Ctrl+C.
            <input ref={selectBox} readOnly value={manual} data-testid="manual-link" />
          </label>
          <button type="button" className="pill" onClick={() => setManual(null)}>
            Done
          </button>
        </div>
      )}
      {gallery && <PresetGallery onClose={() => setGallery(false)} />}
      {systems && <RealSystemsPanel onClose={() => setSystems(false)} />}
      {glossary && <GlossaryDialog onClose={() => setGlossary(false)} />}
    </nav>
  );
}
