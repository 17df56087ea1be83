/**
 * The layers of DESIGN.md, checked by `npm run lint`: ui -> app -> runtime -> engine and
 * cli -> runtime -> engine, tests included. A test beside its module is in that module's layer; shared test
 * helpers sit in test/<layer>/ and obey the same arrows; test/runs/ holds the tests that check readers of
 * every layer against real runs, above everything (nothing imports them), like the browser tests in e2e/.
 */
const LAYERS = ["engine", "runtime", "app", "ui", "cli"];
/** What each layer may import besides itself (and the engine, which every layer may use). */
const ALLOWED = {
  engine: [],
  runtime: ["engine"],
  app: ["engine", "runtime"],
  ui: ["engine", "app"],
  cli: ["engine", "runtime"],
};
const WHY = {
  engine: "the engine is pure: it imports nothing above it",
  runtime: "runtime drives the engine; app, ui and cli drive runtime",
  app: "app holds the page's state and owns every worker; ui renders it; cli is another entry point",
  ui: "ui reaches workers and drivers through app (the controller owns every client)",
  cli: "the CLI is an entry point beside the page: it shares runtime and engine only",
};
const inLayer = (names) => `^(src|test)/(${names.join("|")})/`;

module.exports = {
  forbidden: [
    ...LAYERS.map((layer) => {
      const denied = LAYERS.filter((other) => other !== layer && !ALLOWED[layer].includes(other));
      return {
        name: `${layer}-imports-only-${[layer, ...ALLOWED[layer]].join("-")}`,
        comment: WHY[layer],
        severity: "error",
        from: { path: inLayer([layer]) },
        to: { path: [inLayer(denied), "^test/runs/", "^e2e/"] },
      };
    }),
    {
      name: "live-and-virtual-drivers-apart",
      comment: "the two drivers share runtime modules (executors, cancel), never each other's insides",
      severity: "error",
      from: { path: "^src/runtime/(live|virtual)/" },
      to: { path: "^src/runtime/(live|virtual)/", pathNot: "^src/runtime/$1/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that resolves to nothing is a typo or a missing dependency",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      mainFields: ["module", "main", "types"],
    },
  },
};
