import { useState } from "react";
import { useAddressBar, useLinkView, useRun } from "../app/page";
import type { ShownRun } from "../app/store";
import { CompareStage } from "./compare/CompareStage";
import { EmbedStage } from "./embed/EmbedStage";
import { ExportPanel } from "./export/ExportPanel";
import { LinkBar } from "./gallery/LinkBar";
import { LinkNotices } from "./gallery/LinkNotices";
import { DropZone } from "./import/DropZone";
import { ImportPanel } from "./import/ImportPanel";
import { KnobPanel } from "./KnobPanel";
import { ModeNote } from "./ModeSwitch";
import { usePlaybackKeys } from "./playback/keys";
import { PlaybackBar } from "./playback/PlaybackBar";
import { usePlayLoop } from "./playback/use-play-loop";
import { ReleaseNotice } from "./ReleaseNotice";
import { RunHeader, RunNotes } from "./RunHeader";
import { SchedulerNote } from "./SchedulerNote";
import { SIDE_PANELS } from "./side-panels";
import { StoryCard, useStoryScene } from "./story/StoryCard";
import { BlankScreen, ChapterCard, HelpOverlay, runTalkAction, useTalkMode } from "./talk";
import { useCounterAttributes } from "./use-counter-attributes";
import { BlockPanel } from "./views/block";
import { DependencyGraph } from "./views/graph";
import { LiveLanes, LiveRunCard, WorkerLanes } from "./views/lanes";
import { ShardsView } from "./views/shards";
import "./app.css";
import "./views/views.css";

/** The scenario drawer starts open only where it leaves the views room. */
const WIDE = "(min-width: 1500px)";

export function App() {
  const shown = useRun((s) => s.shown);
  const live = useRun((s) => s.live);
  // A live run in flight takes the side column from the last finished run (see LiveRunCard).
  const liveRunning = useRun((s) => s.running && s.mode === "live");
  const [drawerOpen, setDrawerOpen] = useState(() => window.matchMedia?.(WIDE).matches ?? false);
  useCounterAttributes();
  usePlayLoop();
  // The address bar follows the scenario and view; the presenter keys drive the playhead.
  useAddressBar();
  usePlaybackKeys(runTalkAction);
  useTalkMode();
  const patch = useLinkView((s) => s.compare);
  // The guided story's scene grows step by step: the lanes and figures, then the graph, then every view.
  const scene = useStoryScene();
  // An embed (`?embed=1`): one view and the play controls, nothing else.
  const embed = useLinkView((s) => s.embed);
  if (embed) return <EmbedStage view={embed} run={shown} patch={patch} />;
  return (
    <div className="app">
      <DropZone />
      {/* The link bar beside the header, link notices under it (in talk mode all float over the stage);
          then the chapter card. */}
      <div className="masthead">
        <div className="topbar">
          <RunHeader drawerOpen={drawerOpen} onToggleDrawer={() => setDrawerOpen(!drawerOpen)} />
          <LinkBar />
        </div>
        <ReleaseNotice />
        <LinkNotices />
        <RunNotes />
        <SchedulerNote />
      </div>
      <ChapterCard />
      <StoryCard />
      <HelpOverlay />
      <BlankScreen />
      <div
        className={`workspace${drawerOpen ? " with-drawer" : ""}${shown || liveRunning ? " with-side" : ""}`}
      >
        <aside id="scenario-drawer" className="drawer" hidden={!drawerOpen} aria-label="Scenario settings">
          <KnobPanel />
          <ModeNote />
          <ExportPanel />
          <ImportPanel />
        </aside>
        {/* Compare mode replaces the stage with the two runs side by side; a live run in flight replaces
            it with its lanes growing, and its replay follows. */}
        {live ? (
          <main className="stage stage-live">
            <LiveLanes live={live} />
          </main>
        ) : shown && patch ? (
          <CompareStage left={shown} patch={patch} />
        ) : shown ? (
          <Stage run={shown} graph={scene !== "lanes"} />
        ) : (
          <EmptyStage />
        )}
        {(liveRunning || shown) && (
          <aside className="side" aria-label="Run details" data-testid="side-panels">
            {liveRunning ? (
              <LiveRunCard />
            ) : (
              shown && (
                <>
                  {/* A real Ethereum block's facts and scheduler table (nothing for synthetic blocks). */}
                  <BlockPanel run={shown} />
                  {SIDE_PANELS.filter(({ name }) => scene === "all" || STORY_CARDS.includes(name)).map(
                    ({ name, Panel }) => (
                      <Panel key={name} run={shown} />
                    ),
                  )}
                </>
              )
            )}
          </aside>
        )}
      </div>
      <PlaybackBar run={liveRunning ? null : shown} />
    </div>
  );
}

/** The side cards the story's first steps show (the rest join once the scene is whole). */
const STORY_CARDS: readonly string[] = ["caption", "metrics"];

/**
 * The views of the run: the dependency graph on top (unless the story has not come to it yet), the shards
 * when there are several, the lanes.
 */
function Stage({ run, graph }: { run: ShownRun; graph: boolean }) {
  const sharded = run.scenario.shards > 1;
  return (
    <main className={`stage${sharded ? " sharded" : ""}${graph ? "" : " stage-lanes"}`}>
      {graph && <DependencyGraph run={run} />}
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
