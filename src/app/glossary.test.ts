import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO } from "../engine/scenario/scenario";
import { Ev } from "../engine/trace/kinds";
import { simulate } from "../runtime/simulate";
import { GLOSSARY } from "./glossary";

describe("the glossary's incarnations", () => {
  // "each abort, or resume after waiting for another transaction, is followed by the next incarnation"
  it("hold on a contended Block-STM run: an abort or a resume, then the next incarnation runs", () => {
    expect(GLOSSARY.incarnation.text).toContain("each abort, or resume after waiting");
    const { log } = simulate({ ...DEFAULT_SCENARIO, txs: 300, accounts: 2, workers: 8 });
    let checked = 0;
    for (let i = 0; i < log.length; i++) {
      const kind = log.kind[i];
      if (kind !== Ev.Abort && kind !== Ev.Resume) continue;
      // A resume names the incarnation it makes ready; an abort, the one it ends.
      const next = kind === Ev.Resume ? log.inc[i] : log.inc[i] + 1;
      let j = i + 1;
      while (j < log.length && !(log.kind[j] === Ev.ExecStart && log.tx[j] === log.tx[i])) j++;
      expect(j < log.length, `tx ${log.tx[i]} runs again`).toBe(true);
      expect(log.inc[j]).toBe(next);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
