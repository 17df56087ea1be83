/**
 * The guided story ("Start here"): steps in the manner of The Secret Lives of Data, each a real run of a
 * scenario through the controller, with sentences computed from that run (sentences.ts), the words it
 * uses (the glossary) and one knob to try. The scene grows: the lanes and the figures first, then the
 * dependency graph, then every view.
 */
import { findPreset } from "../../engine/scenario/presets";
import { DEFAULT_SCENARIO, type Scenario } from "../../engine/scenario/scenario";
import type { ScenarioPatch } from "../../engine/scenario/view-state";
import type { Term } from "../glossary";
import type { ChoiceKnob, NumberKnob } from "../knobs";
import {
  type StorySay,
  sayAccessList,
  sayBlockStm,
  sayEthereum,
  sayLocks,
  sayNaive,
  saySequential,
  sayShards,
  sayWorkers,
} from "./sentences";

/** What the stage shows: the lanes and figures; with the dependency graph; every view and card. */
export type StoryScene = "lanes" | "graph" | "all";

/** One knob to change, to the value given, and what to watch move. */
export interface StoryNudge {
  readonly knob: NumberKnob | ChoiceKnob;
  readonly value: string;
  readonly watch: string;
}

export interface StoryStep {
  readonly title: string;
  readonly scenario: Scenario;
  /** The right side, when the step is a comparison. */
  readonly compare?: ScenarioPatch;
  readonly scene: StoryScene;
  readonly terms: readonly Term[];
  readonly say: StorySay;
  readonly nudge: StoryNudge;
}

/** A preset's scenario and compare side: the story shows the same runs its presets do. */
function fromPreset(id: string): Pick<StoryStep, "scenario" | "compare"> {
  const p = findPreset(id);
  if (!p) throw new Error(`the story needs preset ${id}`);
  return p.compare ? { scenario: p.scenario, compare: p.compare } : { scenario: p.scenario };
}

const teaching = fromPreset("mod3mod4").scenario;

export const STORY: readonly StoryStep[] = [
  {
    title: "One worker, in block order",
    scenario: { ...teaching, scheduler: "sequential", workers: 1 },
    scene: "lanes",
    terms: ["parallel", "speedup"],
    say: saySequential,
    nudge: { knob: "txs", value: "16", watch: "the lane and the time grow with the block" },
  },
  {
    title: "More workers, and a first conflict",
    scenario: { ...DEFAULT_SCENARIO, txs: 20, accounts: 40, workers: 4 },
    scene: "graph",
    terms: ["conflict", "ideal", "criticalPath"],
    say: sayWorkers,
    nudge: { knob: "accounts", value: "4", watch: "the conflicts and the speedup" },
  },
  {
    title: "Block-STM: abort and run again",
    scenario: teaching,
    scene: "all",
    terms: ["abort", "incarnation", "validation"],
    say: sayBlockStm,
    nudge: { knob: "workers", value: "2", watch: "the aborted runs (red, hatched) in the lanes" },
  },
  {
    title: "Without validation: lost updates",
    ...fromPreset("naive-vs-blockstm"),
    scene: "all",
    terms: ["parallel", "conflict", "validation"],
    say: sayNaive,
    nudge: { knob: "workers", value: "4", watch: "which updates are lost, and the supply check" },
  },
  {
    title: "Declared access: account locks",
    scenario: { ...fromPreset("optimistic-vs-declared").scenario, scheduler: "accountlocks" },
    scene: "all",
    terms: ["lock", "batch", "criticalPath"],
    say: sayLocks,
    nudge: { knob: "scheduler", value: "blockstm", watch: "the aborts and the time" },
  },
  {
    title: "Block access lists (EIP-7928)",
    ...fromPreset("access-lists-two-accounts"),
    scene: "all",
    terms: ["accessList", "criticalPath"],
    say: sayAccessList,
    nudge: { knob: "workers", value: "16", watch: "the speedup with the list" },
  },
  {
    title: "Shards and cross-shard messages",
    scenario: fromPreset("receipts-vs-locks").scenario,
    scene: "all",
    terms: ["shard", "receipt", "twoPhase"],
    say: sayShards,
    nudge: { knob: "crossShard", value: "locks", watch: "the speedup, and the keys two-phase commit holds" },
  },
  {
    title: "A real Ethereum block",
    ...fromPreset("eth-router-calls"),
    scene: "all",
    terms: ["criticalPath", "ideal"],
    say: sayEthereum,
    nudge: { knob: "workers", value: "32", watch: "the speedup against its ideal" },
  },
];

/** Step `n` of the story (from 1), clamped to the story, with its number. */
export function storyStep(n: number): StoryStep & { readonly n: number } {
  const at = Math.min(STORY.length, Math.max(1, Math.trunc(Number.isFinite(n) ? n : 1)));
  return { ...STORY[at - 1], n: at };
}
