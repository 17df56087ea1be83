/** Every preset as a card (title, lesson, tags); picking one opens its link. Keys 1-9 open the first nine. */
import type { MouseEvent } from "react";
import { openPreset } from "../../app/page";
import { PRESETS, type Preset, presetLink } from "../../engine/scenario/presets";
import { Dialog } from "../dialog";
import { presetTags } from "./preset-tags";

function href(p: Preset): string {
  const { search, hash } = presetLink(p);
  return `${location.pathname}${search}${hash}`;
}

export function PresetGallery({ onClose }: { onClose: () => void }) {
  const pick = (p: Preset) => (e: MouseEvent) => {
    // A plain click opens it here; a modified click (new tab) follows the link.
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    openPreset(p);
    onClose();
  };
  return (
    <Dialog
      title="Presets"
      intro="Each one is a link: a scenario, a one-line lesson and chapters for a talk. It opens on the virtual clock, where its lesson and chapters hold."
      className="presets"
      testId="gallery"
      onClose={onClose}
    >
      <ol>
        {PRESETS.map((p, i) => (
          <li key={p.id}>
            <a href={href(p)} onClick={pick(p)} data-testid={`preset-${p.id}`}>
              <span className="preset-title">
                {i < 9 && <kbd title={`Key ${i + 1}`}>{i + 1}</kbd>}
                {p.title}
              </span>
              <span className="preset-lesson">{p.lesson}</span>
              <span className="preset-tags">
                {presetTags(p).map((t) => (
                  <span key={t}>{t}</span>
                ))}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
