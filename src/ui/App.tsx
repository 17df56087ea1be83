import { useState } from "react";
import { useRun } from "../app/session";
import type { ShownRun } from "../app/store";
import { KnobPanel } from "./KnobPanel";
import { usePlaybackKeys } from "./playback/keys";
import { PlaybackBar } from "./playback/PlaybackBar";
import { usePlayLoop } from "./playback/use-play-loop";
import { usePlaybackLoad } from "./playback/use-playback-load";
import { RunHeader, RunNotes } from "./RunHeader";
import { SIDE_PANELS } from "./side-panels";
import { DependencyGraph } from "./views/graph";
import { WorkerLanes } from "./views/lanes";
import { ShardsView } from "./views/shards";
import "./app.css";
import "./views/views.css";

/** The scenario drawer starts open only where it leaves the views room. */
const WIDE = "(min-width: 1500px)";

export function App() {
  const shown = useRun((s) => s.shown);
  const [drawerOpen, setDrawerOpen] = useState(() => window.matchMedia?.(WIDE).matches ?? false);
  usePlaybackLoad(shown);
  usePlayLoop();
  usePlaybackKeys();
  return (
    <div className="app">
      <RunHeader drawerOpen={drawerOpen} onToggleDrawer={() => setDrawerOpen(!drawerOpen)} />
      <RunNotes />
      <div
        className={`workspace${drawerOpen ? " with-drawer" : ""}${shown && SIDE_PANELS.length > 0 ? " with-side" : ""}`}
      >
        <aside id="scenario-drawer" className="drawer" hidden={!drawerOpen} aria-label="Scenario settings">
          <KnobPanel />
          <p className="drawer-note">
            Every figure comes from a deterministic run on a virtual clock, where a transaction costs its gas:
            the same scenario gives the same run on every machine.
          </p>
        </aside>
        {shown ? <Stage run={shown} /> : <EmptyStage />}
        {shown && SIDE_PANELS.length > 0 && (
          <aside className="side" aria-label="Run details" data-testid="side-panels">
            {SIDE_PANELS.map(({ name, Panel }) => (
              <Panel key={name} run={shown} />
            ))}
          </aside>
        )}
      </div>
      <PlaybackBar run={shown} />
    </div>
  );
}

/** The views of the run: the dependency graph on top, the shards when there are several, the lanes. */
function Stage({ run }: { run: ShownRun }) {
  const sharded = run.scenario.shards > 1;
  return (
    <main className={sharded ? "stage sharded" : "stage"}>
      <DependencyGraph run={run} />
      {sharded && <ShardsView run={run} />}
      <WorkerLanes run={run} />
    </main>
  );
}

function EmptyStage() {
  const invalid = useRun((s) => s.issues.length > 0);
  const error = useRun((s) => s.error);
  return (
    <main className="stage stage-empty">
      {!error && (
        <p className="muted">
          {invalid ? "Fix the marked field to run the scenario." : "Running the first scenario…"}
        </p>
      )}
    </main>
  );
}
