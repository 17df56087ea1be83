import { runNames } from "../engine/analysis/explain";
import { invalidBlockLine } from "../engine/analysis/list-check";
import type { RunResult } from "../engine/run-result";
import { isUnsafe } from "../engine/scenario/scenario";

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
  if (isUnsafe(result.scenario.scheduler)) {
    // Expected, and the lesson of this scheduler (UnsafeNote says what was lost): not an error.
    return (
      <p
        className="hash-check hash-unsafe"
        data-testid="hash-check"
        title={`This run: ${result.stateHash}. Sequential execution: ${result.sequentialStateHash}. An unsafe scheduler does not reproduce sequential execution; that is what it shows.`}
      >
        <span aria-hidden="true">⚠</span> Final state differs from sequential, as expected of an unsafe
        scheduler <code className="hash">{result.stateHash}</code>
      </p>
    );
  }
  const invalid = invalidBlockLine(result, runNames(result));
  if (invalid && result.listTamper) {
    // Asked for (the corrupt-list toggle): the check rejecting the block is what it shows, not an error.
    return (
      <p
        className="hash-check hash-unsafe"
        data-testid="hash-check"
        title={`This run: ${result.stateHash} (the state before the block). Sequential execution: ${result.sequentialStateHash}.`}
      >
        <span>
          <span aria-hidden="true">⚠</span> {invalid}
        </span>{" "}
        <code className="hash">{result.stateHash}</code>
      </p>
    );
  }
  return (
    <div className="hash-check hash-bad" data-testid="hash-check" role="alert">
      <p>
        <span aria-hidden="true">✗</span>{" "}
        {invalid ?? "Final state differs from sequential execution: the executor is wrong on this scenario."}
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
