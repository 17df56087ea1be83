import { describe, expect, it } from "vitest";
import { coresNote } from "./cores-note";

describe("live mode's note on this machine's cores", () => {
  it("names the cores found and the threads a live run starts on", () => {
    expect(coresNote(2, 2)).toBe(
      "Found 2 cores here (navigator.hardwareConcurrency): live runs start on all of them. Workers × shards up to 2. Every figure is measured.",
    );
    expect(coresNote(1, 1)).toBe(
      "Found 1 core here (navigator.hardwareConcurrency): live runs start on it. Workers × shards up to 1. Every figure is measured.",
    );
  });

  it("says where the cap comes from, and what happens when the browser reports nothing", () => {
    expect(coresNote(128, 64)).toBe(
      "Found 128 cores here (navigator.hardwareConcurrency): live runs start on 64 of them, the workers range's maximum. Workers × shards up to 64. Every figure is measured.",
    );
    expect(coresNote(0, 1)).toBe(
      "This browser does not say how many cores it has (navigator.hardwareConcurrency): live runs use 1 thread. Workers × shards up to 1. Every figure is measured.",
    );
  });
});
