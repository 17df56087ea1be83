/**
 * The playhead over the shown run: every view is a pure function of (run, time). Play, pause, step, scrub
 * and speed only move `time`; nothing re-runs. Times are the run's microseconds (virtual or measured).
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import { eventsUpTo } from "../engine/analysis/log-index";
import { type EventLogData, logEnd } from "../engine/trace/eventlog";
import { Ev } from "../engine/trace/kinds";

/** Run microseconds per wall microsecond, on a log scale: 1e-6x (a 3 us transfer takes 3 s) up to 1x. */
export const MIN_SPEED = 1e-6;
export const MAX_SPEED = 1;
export const DEFAULT_SPEED = 1e-4;

/** Speed notches of the slider: 1, 2, 5 per decade from MIN_SPEED to MAX_SPEED (log scale). */
export const SPEED_STEPS: readonly number[] = (() => {
  const steps: number[] = [];
  for (let e = Math.round(Math.log10(MIN_SPEED)); e <= 0; e++) {
    for (const m of [1, 2, 5]) {
      const s = m * 10 ** e;
      if (s >= MIN_SPEED * 0.999 && s <= MAX_SPEED * 1.001) steps.push(Number(s.toPrecision(3)));
    }
  }
  return steps;
})();

/** The notch nearest to a speed, on the log scale. */
export function speedStep(speed: number): number {
  let best = 0;
  for (let i = 1; i < SPEED_STEPS.length; i++) {
    if (Math.abs(Math.log(SPEED_STEPS[i] / speed)) < Math.abs(Math.log(SPEED_STEPS[best] / speed))) best = i;
  }
  return best;
}

/** How long a preset's or a story step's run takes to play at the speed it opens at: long enough to follow. */
export const TEACHING_PLAY_MS = 8000;

/**
 * The speed notch at which a run of `endUs` plays in about TEACHING_PLAY_MS: the 8-transaction teaching
 * block (about 10 µs) then takes seconds instead of the 0.1 s it takes at the default speed.
 */
export function teachingSpeed(endUs: number): number {
  return SPEED_STEPS[speedStep(endUs / (TEACHING_PLAY_MS * 1000))];
}

/**
 * The speed a link opens at when it gives none: a preset's or a story step's run at the teaching speed,
 * anything else at the default. A link leaves out a speed equal to it, so a preset's link stays its own.
 */
export function openingSpeed(
  view: { readonly preset: string | null; readonly story: number },
  endUs: number,
): number {
  return view.preset !== null || view.story > 0 ? teachingSpeed(endUs) : DEFAULT_SPEED;
}

export interface PlaybackState {
  readonly log: EventLogData | null;
  /** End of the run: the last event's time. */
  readonly end: number;
  readonly time: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly selectedTx: number | null;
  readonly hoverTx: number | null;
  /** A chapter's segment playing: the playhead stops at `to`, moving at the segment's own `speed`. */
  readonly segment: Segment | null;
  /** A new run arrived: the playhead goes to its start (or stays at `at`, clamped). */
  load(log: EventLogData, at?: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(time: number): void;
  /** The play loop's move: like seek, but a segment in progress goes on. */
  advance(time: number): void;
  /**
   * Plays from `from` to `to` in about `wallMs` of wall time, then holds (a chapter's segment); where the
   * two are the same time, only seeks. Any other move of the playhead ends the segment.
   */
  playSegment(from: number, to: number, wallMs: number): void;
  /** Jump to the next (or previous) distinct event time. */
  stepNext(): void;
  stepPrev(): void;
  /** Jump to the next abort after the playhead (wraps to none: stays). */
  nextAbort(): void;
  restart(): void;
  setSpeed(speed: number): void;
  select(tx: number | null): void;
  hover(tx: number | null): void;
}

export interface Segment {
  readonly to: number;
  readonly speed: number;
}

/** Index of the first event after time t: the number of events with time <= t. */
export const firstAfter = eventsUpTo;

const clampSpeed = (s: number) =>
  Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number.isFinite(s) ? s : DEFAULT_SPEED));

/** The playhead store (the controller makes the page's one). */
export function createPlayback(): StoreApi<PlaybackState> {
  return createStore<PlaybackState>()((set, get) => ({
    log: null,
    end: 0,
    time: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    selectedTx: null,
    hoverTx: null,
    segment: null,
    load(log, at = 0) {
      const end = logEnd(log);
      set({
        log,
        end,
        time: Math.min(Math.max(0, at), end),
        selectedTx: null,
        hoverTx: null,
        segment: null,
      });
    },
    play() {
      const { time, end } = get();
      set({ playing: true, time: time >= end ? 0 : time, segment: null });
    },
    pause() {
      set({ playing: false, segment: null });
    },
    toggle() {
      if (get().playing) get().pause();
      else get().play();
    },
    seek(time) {
      get().advance(time);
      if (get().segment) set({ segment: null, playing: false });
    },
    advance(time) {
      const { end } = get();
      set({ time: Math.min(Math.max(0, Number.isFinite(time) ? time : 0), end) });
    },
    playSegment(from, to, wallMs) {
      get().seek(from);
      const { time, end } = get();
      const stop = Math.min(end, Math.max(time, to));
      if (stop <= time || wallMs <= 0) {
        get().seek(stop);
        set({ playing: false });
        return;
      }
      set({ playing: true, segment: { to: stop, speed: (stop - time) / (wallMs * 1000) } });
    },
    stepNext() {
      const { log, time } = get();
      if (!log) return;
      const i = firstAfter(log, time);
      if (i < log.length) set({ time: log.time[i], playing: false, segment: null });
    },
    stepPrev() {
      const { log, time } = get();
      if (!log) return;
      // Last event strictly before the playhead.
      const i = firstAfter(log, time) - 1;
      let j = i;
      while (j >= 0 && log.time[j] >= time) j--;
      set({ time: j >= 0 ? log.time[j] : 0, playing: false, segment: null });
    },
    nextAbort() {
      const { log, time } = get();
      if (!log) return;
      for (let i = firstAfter(log, time); i < log.length; i++) {
        if (log.kind[i] === Ev.Abort) {
          set({ time: log.time[i], playing: false, selectedTx: log.tx[i], segment: null });
          return;
        }
      }
    },
    restart() {
      const { playing, segment } = get();
      set({ time: 0, segment: null, playing: playing && !segment });
    },
    setSpeed(speed) {
      set({ speed: clampSpeed(speed) });
    },
    select(tx) {
      set({ selectedTx: tx });
    },
    hover(tx) {
      set({ hoverTx: tx });
    },
  }));
}
