/**
 * A page for the browser tests and the browser benchmark of the live mode until the app has a mode switch:
 * it runs the scenario given in the query string (?txs=2000&scheduler=blockstm&workers=2&work=0&runs=3)
 * on the live client and shows the measured figures. The benchmark serves it from a production build
 * (vite preview, COOP/COEP set).
 */
import { DEFAULT_SCENARIO } from "../../src/engine/scenario/scenario";
import { validateScenario } from "../../src/engine/scenario/validate";
import { Ev } from "../../src/engine/trace/kinds";
import { LiveClient } from "../../src/runtime/live/live-client";
import type { LiveRunResult } from "../../src/runtime/live/run-live";
import { liveSupport } from "../../src/runtime/live/support";

const show = (id: string, text: string): void => {
  const el = document.querySelector(`[data-testid="live-${id}"]`);
  if (el) el.textContent = text;
};

function numberParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  return v === null ? undefined : Number(v);
}

function render(r: LiveRunResult, bestUs: number): void {
  let aborts = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === Ev.Abort) aborts++;
  show("threads", String(r.live.threads));
  show("elapsed", `${(bestUs / 1000).toFixed(2)} ms`);
  show("sequential", `${(r.sequentialUs / 1000).toFixed(2)} ms`);
  show("speedup", `${(r.sequentialUs / r.elapsedUs).toFixed(2)}x`);
  show("tps", `${Math.round((r.block.n / bestUs) * 1e6)} tx/s`);
  show("aborts", String(aborts));
  show(
    "hash",
    r.stateHash === r.sequentialStateHash
      ? "matches sequential"
      : `MISMATCH: parallel ${r.stateHash}, sequential ${r.sequentialStateHash}`,
  );
}

async function main(): Promise<void> {
  const support = liveSupport();
  show("support", support.ok ? "ok" : support.reason);
  if (!support.ok) return;
  const q = new URLSearchParams(location.search);
  const check = validateScenario({
    txs: numberParam(q, "txs") ?? DEFAULT_SCENARIO.txs,
    accounts: numberParam(q, "accounts") ?? DEFAULT_SCENARIO.accounts,
    scheduler: q.get("scheduler") ?? "blockstm",
    shards: numberParam(q, "shards") ?? 1,
    crossShard: q.get("crossShard") ?? "receipts",
    cost: { ...DEFAULT_SCENARIO.cost, work: numberParam(q, "work") ?? 1 },
  });
  if (!check.ok) {
    show("status", check.errors.map((e) => e.message).join("; "));
    return;
  }
  const client = new LiveClient({ workers: numberParam(q, "workers"), slowdown: numberParam(q, "slowdown") });
  // Several runs (the first ones warm up the JIT in every worker); the best parallel time is shown.
  const runs = numberParam(q, "runs") ?? 1;
  let best = Number.POSITIVE_INFINITY;
  try {
    for (let i = 0; i < runs; i++) {
      show("status", `run ${i + 1} of ${runs}`);
      const r = await client.run(check.scenario);
      best = Math.min(best, r.elapsedUs);
      render(r, best);
    }
    show("status", "done");
  } catch (e) {
    show("status", `failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

void main();
