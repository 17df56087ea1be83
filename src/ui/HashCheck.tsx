import type { RunResult } from "../engine/run-result";

/** The correctness check of every run: the parallel final state against the sequential oracle's. */
export function HashCheck({ result }: { result: RunResult }) {
  if (result.stateHash === result.sequentialStateHash) {
    return (
      <p
        className="hash-check hash-ok"
        data-testid="hash-check"
        title="The final state of this run hashes to the same value as executing the block one transaction at a time, in the serial order the run defines."
      >
        <span aria-hidden="true">✓</span> Final state matches sequential{" "}
        <code className="hash">{result.stateHash}</code>
      </p>
    );
  }
  return (
    <div className="hash-check hash-bad" data-testid="hash-check" role="alert">
      <p>
        <span aria-hidden="true">✗</span> Final state differs from sequential execution: the executor is wrong
        on this scenario.
      </p>
      <dl>
        <dt>this run</dt>
        <dd>
          <code>{result.stateHash}</code>
        </dd>
        <dt>sequential</dt>
        <dd>
          <code>{result.sequentialStateHash}</code>
        </dd>
      </dl>
    </div>
  );
}
