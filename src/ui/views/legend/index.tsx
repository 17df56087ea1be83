import type { ReactNode } from "react";
import type { ShownRun } from "../../../app/store";
import { TxStatus, type TxStatusT } from "../../../engine/analysis/tx-state";
import { isUnsafe } from "../../../engine/scenario/scenario";
import { CROSS_SHARD_RING, GLYPHS, type GlyphLayer, glyphSvg } from "../graph/glyphs";
import "../side-card.css";
import "./legend.css";

const R = 6;
const C = 9;

/** The graph's own glyph geometry as SVG, so the legend shows exactly the shapes the canvas draws. */
function GlyphIcon({ layers }: { layers: readonly GlyphLayer[] }) {
  const paths = glyphSvg({ name: "", layers }, R, C, C);
  return (
    <svg
      className="legend-icon"
      width={2 * C}
      height={2 * C}
      viewBox={`0 0 ${2 * C} ${2 * C}`}
      aria-hidden="true"
    >
      {paths.map((p) => (
        <path
          key={`${p.role}-${p.d}`}
          d={p.d}
          fill={p.paint === "fill" ? `var(--${p.role})` : "none"}
          stroke={p.paint === "stroke" ? `var(--${p.role})` : "none"}
          strokeWidth={p.paint === "stroke" ? p.strokeWidth : undefined}
          strokeLinecap="round"
        />
      ))}
    </svg>
  );
}

/** A small swatch drawn like the lanes and edges are (bars, lines, arrows). */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="legend-icon legend-wide" width={28} height={14} viewBox="0 0 28 14" aria-hidden="true">
      {children}
    </svg>
  );
}

interface Item {
  readonly icon: ReactNode;
  readonly label: string;
  readonly note: string;
}

const STATES: readonly [TxStatusT, string][] = [
  [TxStatus.Pending, "not started, or ready to run again"],
  [TxStatus.Executing, "a worker is running it"],
  [TxStatus.Executed, "ran; waits for validation or its turn to commit"],
  [TxStatus.Validating, "a worker checks that what it read still holds"],
  [TxStatus.Suspended, "read an estimate; waits for the transaction that will write it"],
  [TxStatus.LockWait, "queued for a declared key behind an earlier transaction it conflicts with"],
  [TxStatus.Aborted, "a read went stale: this run is thrown away (red flash)"],
  [TxStatus.Committed, "final: its writes can no longer change"],
  [TxStatus.Reverted, "final, but its own logic said no: no effect"],
  [TxStatus.InFlight, "waits for a cross-shard message"],
];

const transactions: Item[] = [
  ...STATES.map(([status, note]) => ({
    icon: <GlyphIcon layers={GLYPHS[status].layers} />,
    label: GLYPHS[status].name,
    note,
  })),
  {
    icon: <GlyphIcon layers={[...GLYPHS[TxStatus.Committed].layers, CROSS_SHARD_RING]} />,
    label: "violet ring",
    note: "touches two shards",
  },
  {
    icon: (
      <span className="legend-badge" aria-hidden="true">
        ×2
      </span>
    ),
    label: "re-execution badge",
    note: "how many times it ran",
  },
];

const lanes: Item[] = [
  {
    icon: (
      <Swatch>
        <rect x="1" y="3" width="26" height="7" fill="var(--exec)" />
      </Swatch>
    ),
    label: "execution",
    note: "one bar per run of a transaction",
  },
  {
    icon: (
      <Swatch>
        <rect x="1" y="3" width="26" height="7" fill="var(--abort)" opacity="0.35" />
        <rect x="1" y="3" width="26" height="7" fill="url(#legend-hatch)" />
      </Swatch>
    ),
    label: "wasted (red, hatched)",
    note: "a run later aborted",
  },
  {
    icon: (
      <Swatch>
        <rect x="1" y="3" width="26" height="7" fill="var(--wait)" />
      </Swatch>
    ),
    label: "cut short (amber)",
    note: "stopped to wait on a dependency",
  },
  {
    icon: (
      <Swatch>
        <line x1="1" x2="27" y1="6.5" y2="6.5" stroke="var(--wait)" strokeWidth="2" strokeDasharray="4 3" />
      </Swatch>
    ),
    label: "waiting for a lock (amber dashes)",
    note: "idle: every transaction left is queued for a declared key",
  },
  {
    icon: (
      <Swatch>
        <rect x="1" y="9" width="12" height="3" fill="var(--commit)" />
        <rect x="15" y="9" width="12" height="3" fill="var(--abort)" />
      </Swatch>
    ),
    label: "validation (thin)",
    note: "green: reads still hold; red: a stale read, or an aggregator add whose limit check moved",
  },
  {
    icon: (
      <Swatch>
        <line x1="9" x2="9" y1="0" y2="14" stroke="var(--muted)" strokeDasharray="3 3" />
        <line x1="19" x2="19" y1="0" y2="14" stroke="var(--xshard)" strokeDasharray="5 3" />
      </Swatch>
    ),
    label: "boundaries",
    note: "grey dashes: a new level batch (a barrier); violet dashes: a new round",
  },
  {
    icon: (
      <Swatch>
        <line x1="14" x2="14" y1="0" y2="14" stroke="var(--text)" strokeWidth="1.5" />
      </Swatch>
    ),
    label: "playhead",
    note: "the moment every view shows",
  },
];

const arrow = (color: string) => <path d="M21 3L27 7L21 11Z" fill={`var(--${color})`} />;

const edges: Item[] = [
  {
    icon: (
      <Swatch>
        <line x1="2" x2="26" y1="7" y2="7" stroke="var(--muted)" opacity="0.6" />
      </Swatch>
    ),
    label: "dependency",
    note: "reads a key an earlier transaction writes",
  },
  {
    icon: (
      <Swatch>
        <line x1="2" x2="22" y1="7" y2="7" stroke="var(--wait)" strokeWidth="2" strokeDasharray="5 3" />
        {arrow("wait")}
      </Swatch>
    ),
    label: "waiting on (amber, dashed)",
    note: "the transaction it waits for",
  },
  {
    icon: (
      <Swatch>
        <line x1="2" x2="22" y1="7" y2="7" stroke="var(--abort)" strokeWidth="2.5" />
        {arrow("abort")}
      </Swatch>
    ),
    label: "conflict (red, key named)",
    note: "the write that made a read stale",
  },
  {
    icon: (
      <Swatch>
        <line x1="2" x2="22" y1="7" y2="7" stroke="var(--text)" strokeWidth="1.25" opacity="0.75" />
        {arrow("text")}
      </Swatch>
    ),
    label: "edges of the selection",
    note: "what the selected transaction depends on and feeds",
  },
  {
    icon: (
      <Swatch>
        <path d="M2 11L10 4L18 9L26 3" fill="none" stroke="var(--accent)" strokeWidth="3" opacity="0.7" />
      </Swatch>
    ),
    label: "critical path",
    note: "the longest chain of dependencies (toggle)",
  },
  {
    icon: (
      <Swatch>
        <circle cx="8" cy="7" r="5" fill="none" stroke="var(--text)" strokeWidth="2.5" />
        <circle
          cx="21"
          cy="7"
          r="5"
          fill="none"
          stroke="var(--text)"
          strokeWidth="1.5"
          strokeDasharray="3 2"
        />
      </Swatch>
    ),
    label: "selected, hovered",
    note: "solid ring: selected; dashed: under the pointer",
  },
];

/** Shown above the rest for an unsafe scheduler: what its green means, and where its losses are told. */
const unsafe: Item[] = [
  {
    icon: (
      <span className="legend-badge" aria-hidden="true">
        ⚠
      </span>
    ),
    label: "unsafe scheduler (naive)",
    note: "nothing is validated: green means only that a transaction ended; each lost update is named in the caption and the note under the header",
  },
];

/** Shown for a block access list run: what its green means, and the mark of a transaction that disagreed. */
const accessList: Item[] = [
  {
    icon: <GlyphIcon layers={GLYPHS[TxStatus.Committed].layers} />,
    label: "committed, with a list",
    note: "checked out against its entry; the block stands only if every transaction does",
  },
  {
    icon: <GlyphIcon layers={GLYPHS[TxStatus.Rejected].layers} />,
    label: GLYPHS[TxStatus.Rejected].name,
    note: "its execution differs from its entry in the block access list: the block is invalid, none of its writes applied",
  },
  {
    icon: (
      <Swatch>
        <rect x="1" y="3" width="26" height="7" fill="var(--abort)" />
      </Swatch>
    ),
    label: "execution that disagreed (solid red)",
    note: "on the worker lanes: the run of that transaction, checked against its entry as it ended",
  },
];

const shards: Item[] = [
  {
    icon: (
      <Swatch>
        <rect x="1" y="4" width="14" height="7" fill="var(--commit)" />
        <rect x="15" y="4" width="12" height="7" fill="var(--exec)" opacity="0.55" />
      </Swatch>
    ),
    label: "shard load",
    note: "green: committed; blue: still queued",
  },
  {
    icon: (
      <Swatch>
        <rect x="1" y="3" width="8" height="8" fill="var(--exec)" />
        <rect x="10" y="3" width="8" height="8" fill="var(--commit)" />
        <rect x="19.5" y="3.5" width="7" height="7" fill="none" stroke="var(--pending)" />
      </Swatch>
    ),
    label: "shard workers",
    note: "executing, validating, idle",
  },
  {
    icon: (
      <Swatch>
        <path d="M2 12Q14 -4 26 12" fill="none" stroke="var(--xshard)" opacity="0.4" />
        <circle cx="14" cy="4" r="3.5" fill="var(--xshard)" />
      </Swatch>
    ),
    label: "cross-shard message (violet)",
    note: "a dot in flight, named: receipt, settle, prepare, vote yes, vote no, commit, abort",
  },
  {
    icon: <GlyphIcon layers={GLYPHS[TxStatus.LockWait].layers} />,
    label: "keys locked (two-phase commit)",
    note: "a shard's keys held by cross-shard transactions until their commit or abort",
  },
];

function Group({ title, items }: { title: string; items: readonly Item[] }) {
  return (
    <>
      <h3 className="legend-h">{title}</h3>
      <ul className="legend-list">
        {items.map((it) => (
          <li key={it.label}>
            <span className="legend-mark">{it.icon}</span>
            <span>
              <strong>{it.label}</strong> <span className="muted">{it.note}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every colour and shape the views use, each with its meaning: colour is never the only signal. */
export function Legend({ run }: { run: ShownRun }) {
  const sharded = run.scenario.shards > 1;
  return (
    <section className="side-card legend" aria-labelledby="legend-title" data-testid="legend">
      <svg width="0" height="0" className="legend-defs" aria-hidden="true">
        <defs>
          <pattern
            id="legend-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" x2="0" y1="0" y2="6" stroke="var(--abort)" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <h2 id="legend-title" className="side-title">
        Legend
      </h2>
      {isUnsafe(run.scenario.scheduler) && <Group title="Unsafe" items={unsafe} />}
      <Group title="Transactions" items={transactions} />
      {run.scenario.scheduler === "bal" && <Group title="Block access list" items={accessList} />}
      <Group title="Worker lanes" items={lanes} />
      <Group title="Graph edges and highlights" items={edges} />
      {sharded && <Group title="Shards" items={shards} />}
    </section>
  );
}
