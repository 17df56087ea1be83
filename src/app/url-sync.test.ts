import { describe, expect, it } from "vitest";
import { findPreset, PRESETS, presetLink } from "../engine/scenario/presets";
import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";
import { simulate } from "../runtime/simulate";
import { DEFAULT_SPEED, teachingSpeed } from "./playback";
import { STORY } from "./story/steps";
import {
  createLinkView,
  currentLink,
  type LinkViewState,
  linkViewOf,
  presetView,
  readLink,
  shownLink,
  togglePanel,
} from "./url-sync";

/** The link view a page starts with. */
const VIEW: LinkViewState = createLinkView().getState();

const split = (link: string) => {
  const i = link.indexOf("#");
  return i < 0 ? [link, ""] : [link.slice(0, i), link.slice(i)];
};

describe("url sync", () => {
  it("writes a link that reads back as the same scenario and view", () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, scheduler: "batched", workers: 6, txs: 300, seed: 7 };
    const view: LinkViewState = { ...VIEW, compare: { workers: 12 }, panels: ["talk"] };
    const head = { time: 20.5, speed: 1e-5, selectedTx: 17 };
    const [search, hash] = split(currentLink(scenario, head, view, true));
    const back = readLink(search, hash);
    expect(back.issues).toEqual([]);
    expect(back.scenario).toEqual(scenario);
    expect(back.view).toEqual({ t: 20.5, speed: 1e-5, tx: 17, compare: { workers: 12 }, panels: ["talk"] });
    expect(linkViewOf(back.view)).toEqual({
      preset: null,
      chapter: 0,
      compare: { workers: 12 },
      panels: ["talk"],
      embed: null,
      story: 0,
      liveAsked: false,
    });
  });

  it("opens the story from a link: the step's scenario and compare side, or the link's own", () => {
    const step = STORY[3];
    const opened = readLink("?story=4", "");
    expect(opened.issues).toEqual([]);
    expect(opened.scenario).toEqual(step.scenario);
    expect(opened.view).toEqual({ story: 4, compare: step.compare });
    expect(linkViewOf(opened.view).story).toBe(4);
    // The link the page then writes reads back the same.
    const link = currentLink(
      step.scenario,
      { time: 0, speed: DEFAULT_SPEED, selectedTx: null },
      { ...VIEW, story: 4, compare: step.compare ?? null },
      false,
    );
    const [search, hash] = split(link);
    expect(search).toContain("story=4");
    expect(readLink(search, hash)).toMatchObject({ scenario: step.scenario, view: opened.view, issues: [] });
    // A link that changed a knob keeps its scenario.
    const own = readLink("?story=2&w=2", "");
    expect(own.scenario).toEqual({ ...DEFAULT_SCENARIO, workers: 2 });
    expect(own.view.story).toBe(2);
  });

  it("says what is wrong with a bad story step and opens the story at its first step", () => {
    for (const bad of ["12", "0", "two", "1.5"]) {
      const opened = readLink(`?story=${bad}`, "");
      expect(opened.issues).toHaveLength(1);
      expect(opened.issues[0].part).toBe("story");
      expect(opened.issues[0].message).toMatch(
        new RegExp(`^story must be a step of the guided story, from 1 to ${STORY.length} \\(got `),
      );
      expect(opened.view.story).toBe(1);
      expect(opened.scenario).toEqual(STORY[0].scenario);
    }
  });

  it("keeps an embedded page's view in its link, the graph when none is named", () => {
    const link = currentLink(
      DEFAULT_SCENARIO,
      { time: 0, speed: DEFAULT_SPEED, selectedTx: null },
      { ...VIEW, embed: "lanes" },
      false,
    );
    expect(link).toBe("?lv=1&embed=1&show=lanes");
    expect(linkViewOf(readLink(link, "").view).embed).toBe("lanes");
    expect(linkViewOf(readLink("?embed=1", "").view).embed).toBe("graph");
    expect(linkViewOf(readLink("?embed=0&show=lanes", "").view).embed).toBeNull();
  });

  it("leaves out the moving playhead and the default speed unless asked", () => {
    const link = currentLink(
      DEFAULT_SCENARIO,
      { time: 3, speed: DEFAULT_SPEED, selectedTx: null },
      VIEW,
      false,
    );
    expect(link).toBe("");
    expect(
      currentLink(DEFAULT_SCENARIO, { time: 3, speed: DEFAULT_SPEED, selectedTx: null }, VIEW, true),
    ).toBe("?lv=1&t=3");
  });

  it("writes a preset's own link, and its chapter once one is chosen", () => {
    const p = findPreset("optimistic-vs-declared");
    if (!p) throw new Error("missing preset");
    const view = { ...VIEW, ...presetView(p) };
    const head = { time: 0, speed: DEFAULT_SPEED, selectedTx: null };
    const { search, hash } = presetLink(p);
    expect(currentLink(p.scenario, head, view, false)).toBe(`${search}${hash}`);
    const withChapter = currentLink(p.scenario, head, { ...view, chapter: 2 }, false);
    const [s2, h2] = split(withChapter);
    expect(readLink(s2, h2).view).toMatchObject({ preset: p.id, chapter: 2, compare: p.compare });
  });

  it("writes mode=live for a live run shown, and nothing for a virtual one", () => {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, txs: 50, workers: 2 };
    const result = simulate(scenario);
    const head = { time: 0, speed: DEFAULT_SPEED, selectedTx: null };
    expect(shownLink({ scenario, result }, head, VIEW, false)).toBe("?lv=1&w=2&n=50");
    const live = shownLink({ scenario, result: { ...result, mode: "live" } }, head, VIEW, false);
    expect(live).toBe("?lv=1&w=2&n=50&mode=live");
    expect(readLink(live, "").view).toEqual({ mode: "live" });
    // A live link the page ran virtual keeps asking for live mode (a first visit reloads isolated).
    const asked = { ...VIEW, ...linkViewOf(readLink(live, "").view) };
    expect(shownLink({ scenario, result }, head, asked, false)).toBe(live);
  });

  it("leaves out the speed a preset or story link opens at, and writes any other", () => {
    const p = findPreset("mod3mod4");
    if (!p) throw new Error("missing preset");
    const shown = { scenario: p.scenario, result: simulate(p.scenario) };
    const end = shown.result.log.time[shown.result.log.length - 1];
    const view = { ...VIEW, ...presetView(p) };
    const at = (speed: number) => ({ time: 0, speed, selectedTx: null });
    const { search, hash } = presetLink(p);
    expect(shownLink(shown, at(teachingSpeed(end)), view, false)).toBe(`${search}${hash}`);
    // The default speed is no longer implied by a preset's link: it is written, and reads back.
    const [s, h] = split(shownLink(shown, at(DEFAULT_SPEED), view, false));
    expect(readLink(s, h).view.speed).toBe(DEFAULT_SPEED);
    // Without a preset or a story step the default is the implied one.
    expect(shownLink(shown, at(DEFAULT_SPEED), VIEW, false)).not.toContain("speed");
    expect(shownLink(shown, at(teachingSpeed(end)), { ...VIEW, story: 3 }, false)).not.toContain("speed");
  });

  it("a hand-typed ?p=ID opens the preset's own scenario and compare side", () => {
    for (const p of PRESETS) {
      const opened = readLink(`?p=${p.id}&ch=1`, "");
      expect(opened.scenario).toEqual(p.scenario);
      expect(opened.view).toMatchObject({ preset: p.id, chapter: 1 });
      expect(opened.view.compare).toEqual(p.compare);
      expect(opened.issues).toEqual([]);
    }
  });

  it("reports a bad preset or chapter and a newer link as plain messages", () => {
    const bad = readLink("?p=nope&ch=3", "");
    expect(bad.issues.map((i) => i.part).sort()).toEqual(["ch", "p"]);
    const newer = readLink("?lv=7&w=3", "");
    expect(newer.newer).toMatch(/newer TxLanes/);
    expect(newer.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it("toggles panels by name", () => {
    const linkView = createLinkView();
    togglePanel(linkView, "talk");
    expect(linkView.getState().panels).toEqual(["talk"]);
    togglePanel(linkView, "help");
    togglePanel(linkView, "talk");
    expect(linkView.getState().panels).toEqual(["help"]);
  });
});
