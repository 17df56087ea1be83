import type { ChangeEvent, FormEvent, ReactNode } from "react";
import {
  type ChoiceKnob,
  COST_KNOBS,
  type CostKnob,
  costKnob,
  type Draft,
  FLAG_KNOBS,
  type FlagKnob,
  type KnobId,
  mixKnob,
  type NumberKnob,
} from "../app/knobs";
import { useRun } from "../app/page";
import { UPLOAD_SOURCE } from "../app/upload";
import { CONTRACT_KINDS, type ContractKindName } from "../engine/scenario/scenario";
import type { ScenarioIssue } from "../engine/scenario/validate";
import {
  CHOICE_DEFS,
  CORRUPT_LIST_OFF,
  COST_DEFS,
  ETH_BLOCK_NOTES,
  FLAG_DEFS,
  MIX_DEFS,
  NUMBER_DEFS,
  type NumberKnobDef,
} from "./knob-defs";
import { MeasurePanel } from "./MeasurePanel";
import { ModeSwitch } from "./ModeSwitch";
import "./knob-panel.css";

type FieldKnob = NumberKnob | ChoiceKnob | CostKnob;

const EXECUTOR: readonly FieldKnob[] = ["scheduler", "workers", "shards", "crossShard"];
const BLOCK: readonly FieldKnob[] = ["source", "feeMode", "txs"];
const WORKLOAD: readonly FieldKnob[] = [
  "accounts",
  "skew",
  "locality",
  "pools",
  "collections",
  "proposals",
  "items",
];
const COST: readonly FieldKnob[] = COST_KNOBS.map(costKnob);
/** On/off knobs by where they sit: what the executor does, and what the block's contracts do. */
const EXECUTOR_FLAGS: readonly FlagKnob[] = ["corruptList"];
const WORKLOAD_FLAGS: readonly FlagKnob[] = FLAG_KNOBS.filter((id) => !EXECUTOR_FLAGS.includes(id));
const WORKLOAD_SET = new Set<KnobId>([...WORKLOAD, ...WORKLOAD_FLAGS]);

const isChoice = (id: KnobId): id is ChoiceKnob => id in CHOICE_DEFS;
const isCost = (id: KnobId): id is CostKnob => id.startsWith("cost.");
const domId = (id: KnobId): string => `knob-${id.replace(".", "-")}`;
function numberDef(id: NumberKnob | CostKnob): NumberKnobDef {
  if (!isCost(id)) return NUMBER_DEFS[id];
  const field = COST_KNOBS.find((f) => costKnob(f) === id) ?? "gasPerUs";
  return COST_DEFS[field];
}

function messageFor(issues: readonly ScenarioIssue[], id: KnobId): string | undefined {
  return issues.find((i) => i.field === id)?.message;
}

/** Cost knobs only Block-STM's executor charges, and their labels as a reason names them. */
const BLOCKSTM_COST_FIELDS = ["mvReadUs", "mvWriteUs", "commitUs", "resumeUs"] as const;
const BLOCKSTM_COSTS = new Set<KnobId>(BLOCKSTM_COST_FIELDS.map(costKnob));
const BLOCKSTM_COST_NAMES = (() => {
  const labels = BLOCKSTM_COST_FIELDS.map((f) => COST_DEFS[f].label);
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
})();

/** What the block source and the scheduler leave to the knobs: why a knob is off, or null when it applies. */
function reasonOff(id: KnobId, draft: Draft): string | null {
  const { source } = draft;
  const sharded = Number(draft.shards) > 1;
  const real = source.startsWith("eth-") || source === UPLOAD_SOURCE;
  if (id === "corruptList" && draft.scheduler !== "bal") return CORRUPT_LIST_OFF;
  if (BLOCKSTM_COSTS.has(id)) {
    if (draft.scheduler !== "blockstm")
      return `${BLOCKSTM_COST_NAMES} apply to Block-STM only: the other schedulers have no multi-version memory, suspended transactions or in-order commit.`;
    if (sharded && draft.crossShard === "locks")
      return `${BLOCKSTM_COST_NAMES} do not apply: two-phase commit runs every shard on key locks, not Block-STM.`;
  }
  if (id === "crossShard" && !sharded) return "Applies with 2 or more shards.";
  if (id === "feeMode") return real ? null : "Applies to real Ethereum blocks only.";
  if (real && (id === "txs" || id === "seed" || WORKLOAD_SET.has(id) || id.startsWith("mix.")))
    return "A real block brings its own transactions: the workload knobs do not apply.";
  if (source === "mod3mod4" && (id === "seed" || WORKLOAD_SET.has(id) || id.startsWith("mix.")))
    return "The teaching block is fixed: only its size applies.";
  return null;
}

/** A fresh 32-bit seed. */
function randomSeed(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]);
}

/** The scenario controls. Every message under a control comes from the scenario validator. */
export function KnobPanel() {
  const draft = useRun((s) => s.draft);
  const issues = useRun((s) => s.issues);
  const running = useRun((s) => s.running);
  const upload = useRun((s) => s.upload);
  const edit = useRun((s) => s.edit);
  const runNow = useRun((s) => s.runNow);

  const off = (id: KnobId): string | null => reasonOff(id, draft);
  const placed = new Set<string>([
    ...EXECUTOR,
    ...BLOCK,
    ...WORKLOAD,
    ...COST,
    ...FLAG_KNOBS,
    "seed",
    "mix",
    ...CONTRACT_KINDS.map(mixKnob),
  ]);
  const unplaced = issues.filter((i) => !placed.has(i.field));

  const field = (id: FieldKnob): ReactNode => {
    const props = { value: draft[id], message: messageFor(issues, id), off: off(id), edit };
    if (!isChoice(id)) return <NumberField key={id} id={id} {...props} />;
    const extra =
      id === "source" && upload
        ? [{ value: UPLOAD_SOURCE, label: `Opened file: block ${upload.number}` }]
        : [];
    return <ChoiceField key={id} id={id} extra={extra} {...props} />;
  };
  const flag = (id: FlagKnob): ReactNode => (
    <FlagField key={id} id={id} value={draft[id]} message={undefined} off={off(id)} edit={edit} />
  );
  const note = (ids: readonly KnobId[]): ReactNode => {
    const reason = ids.map(off).find((r) => r !== null);
    return reason && <p className="field-note">{reason}</p>;
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    runNow();
  };

  return (
    <form className="knobs" onSubmit={submit} noValidate aria-label="Scenario">
      <div className="knobs-head">
        <h2>Scenario</h2>
        <button type="submit" className="run-button" aria-busy={running}>
          {running ? "Running…" : "Run"}
        </button>
      </div>
      {unplaced.length > 0 && (
        <ul className="field-error knobs-general" role="alert">
          {unplaced.map((i) => (
            <li key={i.field}>{i.message}</li>
          ))}
        </ul>
      )}
      <ModeSwitch />
      <fieldset>
        <legend>Executor</legend>
        <div className="knob-grid">
          {EXECUTOR.map(field)}
          {EXECUTOR_FLAGS.map(flag)}
        </div>
      </fieldset>
      <fieldset>
        <legend>Block</legend>
        <p className="field-note" data-testid="source-note">
          {ETH_BLOCK_NOTES[draft.source] ??
            (draft.source === "mod3mod4"
              ? "Transaction j reads M[j mod 3] and writes M[j mod 4]."
              : "Drawn from the workload knobs and the seed.")}
        </p>
        <div className="knob-grid">
          {BLOCK.map(field)}
          <SeedField value={draft.seed} message={messageFor(issues, "seed")} off={off("seed")} edit={edit} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Workload</legend>
        {note(WORKLOAD)}
        <div className="knob-grid">
          {WORKLOAD.map(field)}
          {WORKLOAD_FLAGS.map(flag)}
        </div>
      </fieldset>
      <MixFields draft={draft} issues={issues} off={off("mix.transfer")} edit={edit} />
      <fieldset>
        <legend>Cost model (virtual clock)</legend>
        {note(COST)}
        <div className="knob-grid">{COST.map(field)}</div>
        <MeasurePanel />
      </fieldset>
    </form>
  );
}

interface FieldProps<Id extends KnobId> {
  id: Id;
  value: string;
  message: string | undefined;
  /** Why the knob does not apply, or null. */
  off: string | null;
  edit: (id: KnobId, value: string) => void;
}

function ErrorText({ id, message }: { id: KnobId; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${domId(id)}-error`} role="alert">
      {message}
    </p>
  );
}

function NumberInput({ id, value, message, off, edit }: FieldProps<NumberKnob | CostKnob>) {
  const def = numberDef(id);
  return (
    <input
      id={domId(id)}
      type="number"
      inputMode="decimal"
      min={def.min}
      max={def.max}
      step={def.step}
      value={value}
      disabled={off !== null}
      aria-invalid={message ? true : undefined}
      aria-describedby={message ? `${domId(id)}-error` : undefined}
      onChange={(e: ChangeEvent<HTMLInputElement>) => edit(id, e.target.value)}
    />
  );
}

function KnobLabel({ id, def }: { id: KnobId; def: { label: string; unit?: string } }) {
  return (
    <label htmlFor={domId(id)}>
      {def.label}
      {def.unit && <span className="unit"> {def.unit}</span>}
    </label>
  );
}

function NumberField(props: FieldProps<NumberKnob | CostKnob>) {
  const def = numberDef(props.id);
  return (
    <div className="knob" title={props.off ?? def.title}>
      <KnobLabel id={props.id} def={def} />
      <NumberInput {...props} />
      <ErrorText id={props.id} message={props.message} />
    </div>
  );
}

/** An on/off field of the scenario, as a checkbox (its draft text is "true" or "false"). */
function FlagField({ id, value, off, edit }: FieldProps<FlagKnob>) {
  const def = FLAG_DEFS[id];
  return (
    <div className="knob" title={off ?? def.title}>
      <label htmlFor={domId(id)}>{def.label}</label>
      <span className="flag-row">
        <input
          id={domId(id)}
          type="checkbox"
          checked={value === "true"}
          disabled={off !== null}
          onChange={(e: ChangeEvent<HTMLInputElement>) => edit(id, String(e.target.checked))}
        />
        <span aria-hidden="true">{value === "true" ? "on" : "off"}</span>
      </span>
    </div>
  );
}

/** The seed, with a button that draws a new one (a new block, same shape). */
function SeedField(props: Omit<FieldProps<"seed">, "id">) {
  const def = NUMBER_DEFS.seed;
  return (
    <div className="knob" title={props.off ?? def.title}>
      <KnobLabel id="seed" def={def} />
      <div className="seed-row">
        <NumberInput id="seed" {...props} />
        <button
          type="button"
          className="reroll"
          disabled={props.off !== null}
          aria-label="Re-roll the seed"
          title="Draw a new random seed: a new block of the same shape."
          onClick={() => props.edit("seed", randomSeed())}
        >
          ⟳
        </button>
      </div>
      <ErrorText id="seed" message={props.message} />
    </div>
  );
}

interface ChoiceProps extends FieldProps<ChoiceKnob> {
  extra: readonly { value: string; label: string }[];
}

function ChoiceField({ id, value, message, off, edit, extra }: ChoiceProps) {
  const def = CHOICE_DEFS[id];
  return (
    <div className="knob" title={off ?? def.title}>
      <label htmlFor={domId(id)}>{def.label}</label>
      <select
        id={domId(id)}
        value={value}
        disabled={off !== null}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${domId(id)}-error` : undefined}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => edit(id, e.target.value)}
      >
        {[...def.options, ...extra].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} message={message} />
    </div>
  );
}

interface MixProps {
  draft: Readonly<Record<KnobId, string>>;
  issues: readonly ScenarioIssue[];
  off: string | null;
  edit: (id: KnobId, value: string) => void;
}

/** The contract mix: a weight per kind, with the share of the block it stands for. */
function MixFields({ draft, issues, off, edit }: MixProps) {
  const weights = CONTRACT_KINDS.map((k) => Number(draft[mixKnob(k)]));
  const total = weights.every((w) => Number.isFinite(w) && w >= 0) ? weights.reduce((a, b) => a + b, 0) : 0;
  const share = (kind: ContractKindName): string =>
    total > 0 ? `${Math.round((Number(draft[mixKnob(kind)]) / total) * 100)}%` : "–";
  // Messages about single weights and about the mix as a whole go under the group: the cells are narrow.
  const messages = issues.filter((i) => i.field === "mix" || i.field.startsWith("mix."));
  const errorId = "knob-mix-error";
  return (
    <fieldset
      className="mix"
      title={off ?? "Relative weights of the contract kinds in the block (any non-negative numbers)."}
    >
      <legend>Contract mix</legend>
      <div className="mix-grid">
        {CONTRACT_KINDS.map((kind) => {
          const id = mixKnob(kind);
          const invalid = messages.some((i) => i.field === id || i.field === "mix");
          return (
            <div className="knob" key={kind} title={off ?? MIX_DEFS[kind].title}>
              <label htmlFor={domId(id)}>{MIX_DEFS[kind].label}</label>
              <input
                id={domId(id)}
                type="number"
                inputMode="decimal"
                min={0}
                step={0.5}
                value={draft[id]}
                disabled={off !== null}
                aria-invalid={invalid ? true : undefined}
                aria-describedby={invalid ? errorId : undefined}
                onChange={(e: ChangeEvent<HTMLInputElement>) => edit(id, e.target.value)}
              />
              <span className="mix-share">
                {share(kind)}
                <span className="visually-hidden"> of the block</span>
              </span>
            </div>
          );
        })}
      </div>
      {messages.length > 0 && (
        <ul className="field-error" id={errorId} role="alert">
          {messages.map((i) => (
            <li key={i.field}>{i.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
