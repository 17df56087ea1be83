import { findPreset } from "../../src/engine/scenario/presets";
import type { Scenario } from "../../src/engine/scenario/scenario";

/**
 * The nft-mint preset's right side: 1,000 mints from one collection capped at 620, the counter an
 * aggregator. Its first abort is tx 620's add, after tx 619's filled the cap.
 */
export function nftMintRight(): Scenario {
  const preset = findPreset("nft-mint");
  if (!preset?.compare) throw new Error("the nft-mint preset compares two sides");
  return { ...preset.scenario, ...preset.compare };
}
