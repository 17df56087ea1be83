/**
 * The page as an embed (`?embed=1&show=VIEW`): one view filling the frame, and a bar with play, the scrub
 * bar, the time and a way out to the whole app. Keys work as in the app (Space, arrows, the clicker).
 */
import { useMemo, useRef } from "react";
import { addressWith } from "../../app/embed";
import { playback, useLinkView, usePlayback } from "../../app/page";
import type { ShownRun } from "../../app/store";
import type { EmbedView, ScenarioPatch } from "../../engine/scenario/view-state";
import { CompareStage } from "../compare/CompareStage";
import { abortTimes } from "../playback/abort-ticks";
import { Icon } from "../playback/icons";
import { formatClock } from "../playback/playback-format";
import { ScrubBar } from "../playback/ScrubBar";
import { usePlayheadText } from "../playback/use-playhead-text";
import { DependencyGraph } from "../views/graph";
import { WorkerLanes } from "../views/lanes";
import { MetricsPanel } from "../views/metrics";
import { ShardsView } from "../views/shards";
import "./embed.css";

interface Props {
  readonly view: EmbedView;
  readonly run: ShownRun | null;
  readonly patch: ScenarioPatch | null;
}

export function EmbedStage({ view, run, patch }: Props) {
  return (
    <div className="embed" data-testid="embed" data-view={view}>
      {run ? <EmbeddedView view={view} run={run} patch={patch} /> : <Waiting />}
      <EmbedBar run={run} />
    </div>
  );
}

function EmbeddedView({ view, run, patch }: Props & { run: ShownRun }) {
  // What the link asked for that could not be shown (a shards view of an unsharded run, a bad value).
  const notice = useLinkView((s) => s.notices[0]?.message ?? null);
  if (view === "compare" && patch) return <CompareStage left={run} patch={patch} />;
  return (
    <main className="stage embed-stage">
      {view === "lanes" ? (
        <WorkerLanes run={run} />
      ) : view === "shards" && run.scenario.shards > 1 ? (
        <ShardsView run={run} />
      ) : view === "metrics" ? (
        <MetricsPanel run={run} />
      ) : (
        <DependencyGraph run={run} />
      )}
      {(notice || view === "compare") && (
        <p className="embed-note" role="status" data-testid="embed-note">
          {notice ?? "This link has no compare side: the dependency graph is shown."}
        </p>
      )}
    </main>
  );
}

function Waiting() {
  return (
    <main className="stage embed-stage stage-empty">
      <p className="muted">Running the scenario…</p>
    </main>
  );
}

const NO_ABORTS = new Float64Array(0);

function EmbedBar({ run }: { run: ShownRun | null }) {
  const end = usePlayback((s) => s.end);
  const playing = usePlayback((s) => s.playing);
  const clockText = useRef<HTMLOutputElement>(null);
  usePlayheadText((s) => {
    if (clockText.current) clockText.current.textContent = formatClock(s.time, s.end);
  });
  const aborts = useMemo(() => (run ? abortTimes(run.result.log) : NO_ABORTS), [run]);
  const openApp = (): void => {
    const address = addressWith(null);
    if (address) window.open(address, "_blank", "noopener");
  };
  return (
    <nav className="embed-bar" aria-label="Playback" data-testid="embed-bar">
      <button
        type="button"
        className="pb-button pb-play"
        aria-label={playing ? "Pause" : "Play"}
        title={`${playing ? "Pause" : "Play"} (Space)`}
        onClick={() => playback.getState().toggle()}
        disabled={!run}
      >
        <Icon name={playing ? "pause" : "play"} />
      </button>
      <ScrubBar end={end} aborts={aborts} disabled={!run} />
      <output className="embed-time" data-testid="playhead-time" ref={clockText} />
      <button
        type="button"
        className="pill"
        onClick={openApp}
        disabled={!run}
        title="The whole app, in a new tab"
      >
        TxLanes ↗
      </button>
    </nav>
  );
}
