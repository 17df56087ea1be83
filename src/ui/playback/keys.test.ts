import { describe, expect, it } from "vitest";
import { playback } from "../../app/page";
import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED, SPEED_STEPS, speedStep } from "../../app/playback";
import { EventLog } from "../../engine/trace/eventlog";
import { Ev } from "../../engine/trace/kinds";
import { actionFor, type KeyPress, runAction } from "./keys";
import { formatClock, formatSpeed, nudgeSpeed } from "./playback-format";

const press = (key: string, target: object | null = null, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: target as EventTarget | null,
  ...mods,
});

describe("playback keys", () => {
  it("maps the talk keys to actions", () => {
    expect(actionFor(press(" "))).toBe("toggle");
    expect(actionFor(press("."))).toBe("blank");
    expect(actionFor(press("b"))).toBe("blank");
    expect(actionFor(press("n"))).toBe("nextPreset");
    expect(actionFor(press("p"))).toBe("prevPreset");
    expect(actionFor(press("ArrowLeft"))).toBe("stepPrev");
    expect(actionFor(press("ArrowRight"))).toBe("stepNext");
    expect(actionFor(press("["))).toBe("slower");
    expect(actionFor(press("]"))).toBe("faster");
    expect(actionFor(press("x"))).toBe("nextAbort");
    expect(actionFor(press("w"))).toBe("zoomIn");
    expect(actionFor(press("s"))).toBe("zoomOut");
    expect(actionFor(press("a"))).toBe("panLeft");
    expect(actionFor(press("d"))).toBe("panRight");
    expect(actionFor(press("Home"))).toBe("restart");
    expect(actionFor(press("q"))).toBeNull();
    expect(actionFor(press("PageDown"))).toBe("nextChapter");
    expect(actionFor(press("PageUp"))).toBe("prevChapter");
    expect(actionFor(press("1"))).toBe("preset1");
    expect(actionFor(press("9"))).toBe("preset9");
    expect(actionFor(press("0"))).toBe("reset");
    expect(actionFor(press("F"))).toBe("fullscreen");
    expect(actionFor(press("?"))).toBe("help");
    expect(actionFor(press("t"))).toBe("talk");
    expect(actionFor(press("1", { tagName: "INPUT", type: "number" }))).toBeNull();
    expect(actionFor(press("a", null, { ctrlKey: true }))).toBeNull();
  });

  it("leaves keys typed into fields to the field, and arrows to a focused slider", () => {
    expect(actionFor(press(" ", { tagName: "INPUT", type: "number" }))).toBeNull();
    expect(actionFor(press("a", { tagName: "SELECT" }))).toBeNull();
    expect(actionFor(press("ArrowLeft", { tagName: "INPUT", type: "range" }))).toBeNull();
    expect(actionFor(press(" ", { tagName: "INPUT", type: "range" }))).toBe("toggle");
    expect(actionFor(press(" ", { tagName: "BUTTON" }))).toBe("toggle");
  });

  it("moves the playhead as each action says", () => {
    const log = new EventLog();
    log.emit(0, 0, Ev.ExecStart, 0, 0, -1, -1);
    log.emit(3, 0, Ev.ExecEnd, 0, 0, -1, 1);
    log.emit(4, 0, Ev.Abort, 1, 0, 2, 0);
    log.emit(6, 0, Ev.Commit, 0, 0, -1, -1);
    const s = playback.getState();
    s.load(log.freeze(), 0);
    s.setSpeed(DEFAULT_SPEED);
    runAction("stepNext", playback.getState());
    expect(playback.getState().time).toBe(3);
    runAction("nextAbort", playback.getState());
    expect(playback.getState()).toMatchObject({ time: 4, selectedTx: 1 });
    runAction("stepPrev", playback.getState());
    expect(playback.getState().time).toBe(3);
    runAction("toggle", playback.getState());
    expect(playback.getState().playing).toBe(true);
    runAction("toggle", playback.getState());
    expect(playback.getState().playing).toBe(false);
    runAction("faster", playback.getState());
    expect(playback.getState().speed).toBeCloseTo(2 * DEFAULT_SPEED);
    runAction("slower", playback.getState());
    runAction("slower", playback.getState());
    expect(playback.getState().speed).toBeCloseTo(DEFAULT_SPEED / 2);
    runAction("restart", playback.getState());
    expect(playback.getState().time).toBe(0);
  });
});

describe("playback formats", () => {
  it("offers 1-2-5 speed notches from the slowest to the fastest", () => {
    expect(SPEED_STEPS[0]).toBe(MIN_SPEED);
    expect(SPEED_STEPS[SPEED_STEPS.length - 1]).toBe(MAX_SPEED);
    expect(SPEED_STEPS.slice(0, 4)).toEqual([1e-6, 2e-6, 5e-6, 1e-5]);
    expect(SPEED_STEPS[speedStep(DEFAULT_SPEED)]).toBe(DEFAULT_SPEED);
    expect(speedStep(3.3e-4)).toBe(speedStep(5e-4));
    expect(nudgeSpeed(MAX_SPEED, 1)).toBe(MAX_SPEED);
    expect(nudgeSpeed(MIN_SPEED, -1)).toBe(MIN_SPEED);
  });

  it("writes speeds as fractions of real time", () => {
    expect(formatSpeed(1e-4)).toBe("1/10,000×");
    expect(formatSpeed(5e-6)).toBe("1/200,000×");
    expect(formatSpeed(0.5)).toBe("1/2×");
    expect(formatSpeed(1)).toBe("1×");
  });

  it("writes the playhead in the run end's unit", () => {
    expect(formatClock(12.34, 456.7)).toBe("12.3 µs / 456.7 µs");
    expect(formatClock(0, 4500)).toBe("0.00 ms / 4.50 ms");
    expect(formatClock(1_234_567, 2_500_000)).toBe("1.23 s / 2.50 s");
  });
});
