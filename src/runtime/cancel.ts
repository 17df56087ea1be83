/** Cancelling a run in flight: both drivers poll the token and stop by throwing Cancelled. */

/** Cancellation flag shared with whoever started the run. */
export interface CancelToken {
  cancelled: boolean;
}

export class Cancelled extends Error {
  constructor() {
    super("run cancelled");
  }
}
