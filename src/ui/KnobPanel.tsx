import type { ChangeEvent, FormEvent, ReactNode } from "react";
import { type ChoiceKnob, type KnobId, mixKnob, type NumberKnob } from "../app/knobs";
import { useRun } from "../app/session";
import { CONTRACT_KINDS, type ContractKindName } from "../engine/scenario/scenario";
import type { ScenarioIssue } from "../engine/scenario/validate";
import { CHOICE_DEFS, MIX_DEFS, NUMBER_DEFS } from "./knob-defs";
import "./knob-panel.css";

const EXECUTOR: readonly (NumberKnob | ChoiceKnob)[] = ["scheduler", "workers", "shards", "crossShard"];
const WORKLOAD: readonly (NumberKnob | ChoiceKnob)[] = [
  "source",
  "txs",
  "accounts",
  "skew",
  "locality",
  "seed",
];
/** Knobs the teaching block ignores: only its size applies. */
const SYNTHETIC_ONLY = new Set<KnobId>(["accounts", "skew", "locality", "seed"]);

const isChoice = (id: KnobId): id is ChoiceKnob => id in CHOICE_DEFS;
const domId = (id: KnobId): string => `knob-${id.replace(".", "-")}`;

function messageFor(issues: readonly ScenarioIssue[], id: KnobId): string | undefined {
  return issues.find((i) => i.field === id)?.message;
}

/** The scenario controls. Every message under a control comes from the scenario validator. */
export function KnobPanel() {
  const draft = useRun((s) => s.draft);
  const issues = useRun((s) => s.issues);
  const running = useRun((s) => s.running);
  const edit = useRun((s) => s.edit);
  const runNow = useRun((s) => s.runNow);

  const teaching = draft.source === "mod3mod4";
  const sharded = Number(draft.shards) > 1;
  const disabled = (id: KnobId): boolean =>
    (teaching && SYNTHETIC_ONLY.has(id)) || (id === "crossShard" && !sharded);
  const placed = new Set<string>([...EXECUTOR, ...WORKLOAD, "mix", ...CONTRACT_KINDS.map(mixKnob)]);
  const unplaced = issues.filter((i) => !placed.has(i.field));

  const field = (id: NumberKnob | ChoiceKnob): ReactNode => {
    const props = { value: draft[id], message: messageFor(issues, id), disabled: disabled(id), edit };
    return isChoice(id) ? (
      <ChoiceField key={id} id={id} {...props} />
    ) : (
      <NumberField key={id} id={id} {...props} />
    );
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
        <ul className="knob-error knobs-general" role="alert">
          {unplaced.map((i) => (
            <li key={i.field}>{i.message}</li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>Executor</legend>
        <div className="knob-grid">{EXECUTOR.map(field)}</div>
      </fieldset>
      <fieldset>
        <legend>Workload</legend>
        <div className="knob-grid">{WORKLOAD.map(field)}</div>
      </fieldset>
      <MixFields draft={draft} issues={issues} disabled={teaching} edit={edit} />
    </form>
  );
}

interface FieldProps<Id extends KnobId> {
  id: Id;
  value: string;
  message: string | undefined;
  disabled: boolean;
  edit: (id: KnobId, value: string) => void;
}

function ErrorText({ id, message }: { id: KnobId; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="knob-error" id={`${domId(id)}-error`} role="alert">
      {message}
    </p>
  );
}

function NumberField({ id, value, message, disabled, edit }: FieldProps<NumberKnob>) {
  const def = NUMBER_DEFS[id];
  return (
    <div className="knob" title={def.title}>
      <label htmlFor={domId(id)}>
        {def.label}
        {def.unit && <span className="unit"> {def.unit}</span>}
      </label>
      <input
        id={domId(id)}
        type="number"
        inputMode="decimal"
        min={def.min}
        max={def.max}
        step={def.step}
        value={value}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${domId(id)}-error` : undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => edit(id, e.target.value)}
      />
      <ErrorText id={id} message={message} />
    </div>
  );
}

function ChoiceField({ id, value, message, disabled, edit }: FieldProps<ChoiceKnob>) {
  const def = CHOICE_DEFS[id];
  return (
    <div className="knob" title={def.title}>
      <label htmlFor={domId(id)}>{def.label}</label>
      <select
        id={domId(id)}
        value={value}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${domId(id)}-error` : undefined}
        onChange={(e: ChangeEvent<HTMLSelectElement>) => edit(id, e.target.value)}
      >
        {def.options.map((o) => (
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
  disabled: boolean;
  edit: (id: KnobId, value: string) => void;
}

/** The contract mix: a weight per kind, with the share of the block it stands for. */
function MixFields({ draft, issues, disabled, edit }: MixProps) {
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
      title="Relative weights of the contract kinds in the block (any non-negative numbers)."
    >
      <legend>Contract mix</legend>
      <div className="mix-grid">
        {CONTRACT_KINDS.map((kind) => {
          const id = mixKnob(kind);
          const invalid = messages.some((i) => i.field === id || i.field === "mix");
          return (
            <div className="knob" key={kind} title={MIX_DEFS[kind].title}>
              <label htmlFor={domId(id)}>{MIX_DEFS[kind].label}</label>
              <input
                id={domId(id)}
                type="number"
                inputMode="decimal"
                min={0}
                step={0.5}
                value={draft[id]}
                disabled={disabled}
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
        <ul className="knob-error" id={errorId} role="alert">
          {messages.map((i) => (
            <li key={i.field}>{i.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
