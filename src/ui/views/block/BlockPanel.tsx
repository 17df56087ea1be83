import type { ComparePoint } from "../../../app/jobs";
import { useBlockCompare } from "../../../app/jobs";
import { useRun } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { ETH_TX_KINDS, type EthTxKind } from "../../../engine/ethereum/decode";
import { type EthBlockInfo, GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import {
  type FeeMode,
  SAFE_SCHEDULERS,
  SCHEDULER_LABELS,
  type SchedulerName,
} from "../../../engine/scenario/scenario";
import { formatDuration, formatInt, formatTimes } from "../../format";
import "../side-card.css";
import "./block-panel.css";

const KIND_NAMES: Readonly<Record<EthTxKind, string>> = {
  "eth-transfer": "ETH transfer",
  "erc20-transfer": "ERC-20 transfer",
  "erc20-transferFrom": "ERC-20 transferFrom",
  "erc20-approve": "ERC-20 approve",
  call: "other call",
  create: "contract creation",
};

const FEE_NOTES: Readonly<Record<FeeMode, string>> = {
  lazy: "Lazy: each transaction records its fee apart; the fees are swept to the recipient after the block, so the fee does not make transactions conflict.",
  "in-tx":
    "In-tx: each transaction credits the fee recipient itself, so every transaction writes one balance and they all conflict.",
};

/** A real Ethereum block's facts and every scheduler's result on it; nothing for synthetic blocks. */
export function BlockPanel({ run }: { run: ShownRun }) {
  const eth = run.result.eth;
  if (!eth) return null;
  return (
    <section className="side-card block-panel" aria-labelledby="bp-title" data-testid="block-panel">
      <h2 id="bp-title" className="side-title">
        Ethereum block <span data-testid="bp-number">{eth.number}</span>
      </h2>
      <p className="bp-hash" title={eth.hash}>
        hash <code data-testid="bp-hash">{eth.hash}</code>
      </p>
      <Facts run={run} eth={eth} />
      <HotTables eth={eth} />
      <SchedulerTable run={run} />
      <p className="side-note">Approximation: {GAS_LIMIT_NOTE}.</p>
    </section>
  );
}

function Facts({ run, eth }: { run: ShownRun; eth: EthBlockInfo }) {
  const m = run.metrics;
  return (
    <>
      <dl className="bp-facts">
        <dt>Transactions</dt>
        <dd data-testid="bp-txs">{formatInt(eth.txs)}</dd>
        {ETH_TX_KINDS.filter((k) => eth.kinds[k] > 0).map((k) => (
          <div key={k} className="bp-kind">
            <dt>{KIND_NAMES[k]}</dt>
            <dd>{formatInt(eth.kinds[k])}</dd>
          </div>
        ))}
        <dt title="Read and write sets known exactly from the fields (ETH and ERC-20 movements)">Exact</dt>
        <dd data-testid="bp-exact">{formatInt(eth.exact)}</dd>
        <dt title="Other calls: modelled as reading and writing the whole called contract">Conservative</dt>
        <dd data-testid="bp-conservative">{formatInt(eth.conservative)}</dd>
        <dt>Critical path</dt>
        <dd>{formatDuration(m.criticalPathUs)} (simulated)</dd>
        <dt title="min(lanes, total work / critical path): the best any scheduler could do">Ideal speedup</dt>
        <dd data-testid="bp-ideal">{formatTimes(m.idealSpeedup)}</dd>
      </dl>
      <p className="side-note" data-testid="bp-fee">
        Fee recipient: {FEE_NOTES[eth.feeMode]}
      </p>
    </>
  );
}

function HotTables({ eth }: { eth: EthBlockInfo }) {
  return (
    <>
      <table className="bp-table">
        <caption>Hottest keys</caption>
        <thead>
          <tr>
            <th scope="col">key</th>
            <th scope="col">txs</th>
            <th scope="col">writers</th>
          </tr>
        </thead>
        <tbody>
          {eth.hottestKeys.slice(0, 6).map((k) => (
            <tr key={k.key}>
              <td title={k.name}>{k.name}</td>
              <td>{formatInt(k.txs)}</td>
              <td>{formatInt(k.writers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="bp-table">
        <caption>Hottest contracts</caption>
        <thead>
          <tr>
            <th scope="col">contract</th>
            <th scope="col">txs</th>
            <th scope="col">exact</th>
          </tr>
        </thead>
        <tbody>
          {eth.hottestContracts.slice(0, 6).map((c) => (
            <tr key={c.address}>
              <td title={c.address}>{c.name}</td>
              <td>{formatInt(c.txs)}</td>
              <td>{formatInt(c.exact)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function cell(points: readonly ComparePoint[], scheduler: SchedulerName, feeMode: FeeMode): string {
  const p = points.find((q) => q.scheduler === scheduler && q.feeMode === feeMode);
  if (!p) return "…";
  return `${formatTimes(p.speedup)}${p.matches ? "" : " ✗ state differs"}`;
}

/** Speedup of every scheduler on this block at the scenario's workers, lazy against in-tx fees. */
function SchedulerTable({ run }: { run: ShownRun }) {
  const upload = useRun((s) => s.upload);
  const compare = useBlockCompare(
    run.scenario,
    upload?.json,
    upload ? `${upload.file}#${upload.number}` : "",
  );
  const s = run.scenario;
  return (
    <div className="bp-compare">
      <table className="bp-table" data-testid="bp-compare">
        <caption>
          Every scheduler at {s.workers} worker{s.workers === 1 ? "" : "s"}
          {s.shards > 1 ? ` × ${s.shards} shards (in-tx fees: 1 shard)` : ""} (speedup, simulated)
        </caption>
        <thead>
          <tr>
            <th scope="col">scheduler</th>
            <th scope="col">lazy fees</th>
            <th scope="col">in-tx fees</th>
          </tr>
        </thead>
        <tbody>
          {SAFE_SCHEDULERS.map((sc) => (
            <tr key={sc}>
              <th scope="row">{SCHEDULER_LABELS[sc]}</th>
              <td>{cell(compare.points, sc, "lazy")}</td>
              <td>{cell(compare.points, sc, "in-tx")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {compare.running && (
        <p className="bp-progress">
          <progress max={compare.total} value={compare.points.length} aria-label="Scheduler table progress" />
          <span>
            {compare.points.length} of {compare.total} runs
          </span>
          <button type="button" onClick={compare.cancel}>
            Stop
          </button>
        </p>
      )}
      {!compare.running && compare.points.length < compare.total && !compare.error && (
        <p className="side-note">Stopped. Change the scenario to compute it again.</p>
      )}
      {compare.error && (
        <p className="field-error" role="alert">
          {compare.error}
        </p>
      )}
    </div>
  );
}
