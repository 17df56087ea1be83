/** The README's "Real systems" section is the panel's data, entry for entry; every entry is dated and sourced. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REAL_SYSTEMS, readmeLine, TPS_REFERENCE } from "./real-systems";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("real systems", () => {
  it("each entry is in the README, as the panel shows it", () => {
    for (const s of REAL_SYSTEMS) expect(readme).toContain(readmeLine(s));
  });

  it("each entry is dated and has a public https source", () => {
    for (const s of REAL_SYSTEMS) {
      expect(s.asOf).toMatch(/\b20\d\d\b/);
      expect(new URL(s.source.url).protocol).toBe("https:");
      for (const text of [s.approach, s.who, s.what, s.differs, s.source.title])
        expect(text.trim()).not.toBe("");
    }
  });

  it("covers the systems the page compares with, and the throughput chart's reference line", () => {
    const who = REAL_SYSTEMS.map((s) => s.who).join(" ");
    for (const name of ["Aptos", "Solana", "Sui", "Monad", "NEAR", "Ethereum", "EIP-7928"])
      expect(who).toContain(name);
    expect(REAL_SYSTEMS).toContain(TPS_REFERENCE);
    expect(TPS_REFERENCE.what).toContain("100,000");
  });
});
