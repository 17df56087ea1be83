import { GLOSSARY } from "../../../app/glossary";
import type { ComparePoint } from "../../../app/jobs";
import { useBlockCompare } from "../../../app/jobs";
import { useRun } from "../../../app/page";
import type { ShownRun } from "../../../app/store";
import { uploadKey } from "../../../app/upload";
import { type PathCause, runPathCause } from "../../../engine/analysis/path-cause";
import { ETH_TX_KINDS, type EthTxKind } from "../../../engine/ethereum/decode";
import { type EthBlockInfo, GAS_LIMIT_NOTE } from "../../../engine/ethereum/import";
import {
  type FeeMode,
  SAFE_SCHEDULERS,
  SCHEDULER_LABELS,
  type SchedulerName,
} from "../../../engine/scenario/scenario";
import { formatDuration, formatInt, formatPercent, formatTimes, plural } from "../../format";
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

/** A block's total gas in millions: "70.8 M". */
function mGas(gas: number): string {
  return `${(gas / 1e6).toFixed(1)} M`;
}

/** One transaction's gas limit in millions, as exact as two decimals allow: "18.5 M", "14.25 M". */
function limitGas(gas: number): string {
  return `${Number((gas / 1e6).toFixed(2))} M`;
}

function Facts({ run, eth }: { run: ShownRun; eth: EthBlockInfo }) {
  const m = run.metrics;
  const cause = runPathCause(run.result);
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
        <dt>Gas limits</dt>
        <dd data-testid="bp-gas">
          {mGas(eth.gasLimitTotal)} in all
          {eth.gasUsed !== null && `; ${mGas(eth.gasUsed)} used`}
        </dd>
        <dt>Critical path</dt>
        <dd>{formatDuration(m.criticalPathUs)} (simulated)</dd>
        <dt>Set by</dt>
        <dd data-testid="bp-path">
          <PathSetBy cause={cause} gas={run.result.block.gas} />
        </dd>
        <dt title={GLOSSARY.ideal.text}>Ideal speedup</dt>
        <dd data-testid="bp-ideal">{formatTimes(m.idealSpeedup)}</dd>
      </dl>
      {cause.cause === "one-transaction" && (
        <p className="side-note" data-testid="bp-limit-note">
          Tx {cause.longest.tx}'s cost is its gas limit, {limitGas(run.result.block.gas[cause.longest.tx])}:
          what it used is in its receipt, which the block file does not carry
          {eth.gasUsed !== null &&
            `, and the block used ${formatPercent(eth.gasUsed / eth.gasLimitTotal)} of its limits in all`}
          , so this critical path may be far shorter on a real node.
        </p>
      )}
      <p className="side-note" data-testid="bp-fee">
        Fee recipient: {FEE_NOTES[eth.feeMode]}
      </p>
    </>
  );
}

/** What sets the critical path: one transaction's limit, or a chain (with its costliest transaction's share). */
function PathSetBy({ cause, gas }: { cause: PathCause; gas: Float64Array }) {
  const { longest, deepest } = cause;
  const share = formatPercent(longest.share);
  if (cause.cause === "one-transaction")
    return (
      <>
        tx {longest.tx} alone ({share}): its {limitGas(gas[longest.tx])} gas limit outlasts the deepest chain,{" "}
        {formatInt(deepest.units)} transactions in {formatDuration(deepest.us)}
      </>
    );
  return (
    <>
      a chain of {formatInt(cause.txs.length)} transactions; the costliest, tx {longest.tx}, is {share} of it
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
  const compare = useBlockCompare(run.scenario, upload?.json, upload ? uploadKey(upload) : "");
  const s = run.scenario;
  return (
    <div className="bp-compare">
      <table className="bp-table" data-testid="bp-compare">
        <caption>
          Every scheduler at {plural(s.workers, "worker")}
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
