import { DEFAULT_SCENARIO, type Scenario } from "../engine/scenario/scenario";

/** Named scenarios the CLI accepts until the preset list of the app replaces this map. */
export const CLI_PRESETS: Readonly<Record<string, Scenario>> = {
  default: DEFAULT_SCENARIO,
  // The classic teaching block: tx j reads M[j mod 3] and writes M[j mod 4].
  mod3mod4: { ...DEFAULT_SCENARIO, source: "mod3mod4", txs: 12, workers: 4 },
};
