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
        message: '"colour" is not a view field (allowed: t, speed, tx, panels, compare, chapter, preset)',
      },
    ]);
    expect(checkView("t=5", DEFAULT_SCENARIO).issues).toEqual([
      { field: "view", message: 'a view must be an object (got "t=5")' },
    ]);
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
