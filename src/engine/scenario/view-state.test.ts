import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "./scenario";
import { checkView } from "./view-state";

describe("checkView", () => {
  it("keeps every valid field and leaves out missing ones", () => {
    const view = {
      t: 12.5,
      speed: 1e-3,
      tx: 999,
      panels: ["graph"],
      compare: { workers: 2 },
      chapter: 3,
      preset: "a-b",
    };
    expect(checkView(view, DEFAULT_SCENARIO)).toEqual({ view, issues: [] });
    expect(checkView({}, DEFAULT_SCENARIO)).toEqual({ view: {}, issues: [] });
  });

  it("keeps a story step within the steps the app says its story has", () => {
    expect(checkView({ story: 8 }, DEFAULT_SCENARIO, 8)).toEqual({ view: { story: 8 }, issues: [] });
    expect(checkView({ story: 9 }, DEFAULT_SCENARIO, 8).issues).toEqual([
      { field: "story", message: "story must be a step of the guided story, from 1 to 8 (got 9)" },
    ]);
    // Without a story (a caller that has none), no step is one.
    expect(checkView({ story: 1 }, DEFAULT_SCENARIO).view).toEqual({});
  });

  it("names each bad field and what it should be, and keeps the others", () => {
    const r = checkView(
      { t: 5, speed: 2, tx: -1, chapter: 1.5, preset: "Hot Account", colour: "red" },
      DEFAULT_SCENARIO,
    );
    expect(r.view).toEqual({ t: 5 });
    expect(r.issues).toEqual([
      { field: "speed", message: "speed must be a playback speed from 0.000001 to 1 (got 2)" },
      {
        field: "tx",
        message: "tx must be a transaction number from 0 to 999, below the block size (got -1)",
      },
      { field: "chapter", message: "chapter must be a chapter number from 1 to 99 (got 1.5)" },
      {
        field: "preset",
        message: 'preset must be a preset id (lower-case words joined by dashes) (got "Hot Account")',
      },
      {
        field: "colour",
        message:
          '"colour" is not a view field (allowed: t, speed, tx, panels, compare, chapter, preset, embed, show, story, mode)',
      },
    ]);
    expect(checkView("t=5", DEFAULT_SCENARIO).issues).toEqual([
      { field: "view", message: 'a view must be an object (got "t=5")' },
    ]);
  });

  it("takes the run mode, virtual or live, and names anything else", () => {
    for (const mode of ["virtual", "live"] as const)
      expect(checkView({ mode }, DEFAULT_SCENARIO)).toEqual({ view: { mode }, issues: [] });
    expect(checkView({ mode: "real" }, DEFAULT_SCENARIO)).toEqual({
      view: {},
      issues: [{ field: "mode", message: 'mode must be virtual or live (got "real")' }],
    });
  });

  it("embeds one of the five views, the shards view only for a sharded run, with messages for the rest", () => {
    const sharded = { ...DEFAULT_SCENARIO, shards: 4 };
    for (const show of ["graph", "lanes", "shards", "metrics", "compare"] as const)
      expect(checkView({ embed: true, show }, sharded)).toEqual({ view: { embed: true, show }, issues: [] });
    expect(checkView({ embed: false }, DEFAULT_SCENARIO).view).toEqual({ embed: false });
    expect(checkView({ embed: 2, show: "timeline" }, DEFAULT_SCENARIO).issues).toEqual([
      { field: "embed", message: "embed must be 1 (one view, for an iframe) or 0 (got 2)" },
      {
        field: "show",
        message:
          'show must be the view to embed, one of graph, lanes, shards, metrics, compare (got "timeline")',
      },
    ]);
    expect(checkView({ embed: true, show: "shards" }, DEFAULT_SCENARIO)).toEqual({
      view: { embed: true },
      issues: [
        {
          field: "show",
          message: "show: the shards view needs a sharded scenario (shards above 1); the graph is shown",
        },
      ],
    });
  });

  it("bounds the selected transaction by the block: the scenario's size, or the largest block for a real one", () => {
    expect(checkView({ tx: 12 }, { ...DEFAULT_SCENARIO, txs: 12 }).issues).toHaveLength(1);
    expect(checkView({ tx: 5000 }, { ...DEFAULT_SCENARIO, txs: 12, source: "eth-19807137" }).view).toEqual({
      tx: 5000,
    });
  });

  it("keeps at most 16 distinct panels and reports the rest once", () => {
    const names = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const r = checkView({ panels: ["p0", ...names] }, DEFAULT_SCENARIO);
    expect(r.view.panels).toEqual(names.slice(0, 16));
    expect(r.issues.map((i) => i.message)).toEqual([
      'panels must be a list of at most 16 distinct panel names (lower-case words joined by dashes) (got "p0" and 4 more)',
    ]);
  });
});
