/**
 * Where an executor keeps the state its workers share. A local arena allocates ordinary typed arrays (the
 * virtual driver, one thread) and counts their bytes; a shared arena carves the same arrays, in the same
 * order, out of one SharedArrayBuffer so that real workers run the very same code on the very same memory.
 * Only the arena that initializes (init = true) writes initial fills; attaching workers leave them alone.
 */
export class Arena {
  /** Bytes allocated so far (8-byte aligned): the size a shared buffer for the same executor needs. */
  bytes = 0;

  private constructor(
    private readonly buffer: SharedArrayBuffer | null,
    private readonly init: boolean,
  ) {}

  static local(): Arena {
    return new Arena(null, true);
  }

  static shared(buffer: SharedArrayBuffer, init: boolean): Arena {
    return new Arena(buffer, init);
  }

  /**
   * One thread steps every worker (the virtual driver): modelled costs pass on the virtual clock. On shared
   * memory real workers pay them in real time instead.
   */
  get oneThread(): boolean {
    return this.buffer === null;
  }

  private take(bytes: number): number {
    const at = this.bytes;
    this.bytes += Math.ceil(bytes / 8) * 8;
    if (this.buffer && this.bytes > this.buffer.byteLength) {
      throw new Error(`shared arena too small: needs ${this.bytes} bytes, has ${this.buffer.byteLength}`);
    }
    return at;
  }

  int32(n: number, fill = 0): Int32Array {
    const at = this.take(n * 4);
    const a = this.buffer ? new Int32Array(this.buffer, at, n) : new Int32Array(n);
    if (this.init && fill !== 0) a.fill(fill);
    return a;
  }

  uint8(n: number): Uint8Array {
    const at = this.take(n);
    return this.buffer ? new Uint8Array(this.buffer, at, n) : new Uint8Array(n);
  }

  float64(n: number): Float64Array {
    const at = this.take(n * 8);
    return this.buffer ? new Float64Array(this.buffer, at, n) : new Float64Array(n);
  }
}
