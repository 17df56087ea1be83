import { describe, expect, it } from "vitest";
import { findPreset, PRESETS } from "../../engine/scenario/presets";
import { presetTags } from "./preset-tags";

const tagsOf = (id: string): string[] => {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return presetTags(p);
};

describe("preset tags", () => {
  it("name the scheduler and workers of every preset, and mark compare presets", () => {
    for (const p of PRESETS) {
      const tags = presetTags(p);
      expect(tags[0]).toMatch(
        /^(Block-STM|Account locks|Level batches|Sequential|Block access lists|Naive \(unsafe\))$/,
      );
      expect(tags.some((t) => t.includes("workers"))).toBe(true);
      expect(tags.includes("compare")).toBe(p.compare !== undefined);
    }
  });

  it("show both sides of a comparison, shards and real blocks", () => {
    expect(tagsOf("optimistic-vs-declared")).toContain("vs Account locks");
    expect(tagsOf("receipts-vs-locks")).toContain("receipts vs locks");
    expect(tagsOf("eth-more-workers")).toContain("8 vs 32 workers");
    expect(tagsOf("eth-more-workers")).toContain("real block 12965000");
    expect(tagsOf("mod3mod4")).toEqual(["Block-STM", "4 workers"]);
  });
});
