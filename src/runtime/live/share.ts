import type { Block } from "../../engine/block";

const PAGE_WORDS = 1024;

/**
 * Touches every page of a shared buffer (a write that changes nothing) so the operating system maps it now,
 * before a measured run, not at the first write of some worker in the middle of it.
 */
export function prefault(sab: SharedArrayBuffer): SharedArrayBuffer {
  const words = new Int32Array(sab, 0, sab.byteLength >> 2);
  for (let i = 0; i < words.length; i += PAGE_WORDS) Atomics.or(words, i, 0);
  return sab;
}

export function prefaulted(bytes: number): SharedArrayBuffer {
  return prefault(new SharedArrayBuffer(Math.max(8, Math.ceil(bytes / 8) * 8)));
}

type Column = Float64Array | Int32Array | Uint8Array;

/** A copy of a typed array in shared memory: workers then see it without a copy per message. */
function shared<T extends Column>(a: T, view: (buffer: SharedArrayBuffer, length: number) => T): T {
  const out = view(prefaulted(a.byteLength), a.length);
  out.set(a);
  return out;
}

const f64 = (b: SharedArrayBuffer, n: number) => new Float64Array(b, 0, n);
const i32 = (b: SharedArrayBuffer, n: number) => new Int32Array(b, 0, n);
const u8 = (b: SharedArrayBuffer, n: number) => new Uint8Array(b, 0, n);

/**
 * The block with every array in shared memory (posted to each thread once per phase, never copied). Every
 * other field is kept as it is: a live run checks and sweeps the block it ran, so nothing may go missing.
 */
export function shareBlock(block: Block): Block {
  const k = block.keys;
  return {
    ...block,
    kind: shared(block.kind, u8),
    args: shared(block.args, f64),
    gas: shared(block.gas, f64),
    keys: { ...k, initial: shared(k.initial, f64), group: shared(k.group, u8) },
    accStart: shared(block.accStart, i32),
    accKey: shared(block.accKey, i32),
    accFlag: shared(block.accFlag, u8),
    accessList: block.accessList && {
      n: block.accessList.n,
      readStart: shared(block.accessList.readStart, i32),
      readKey: shared(block.accessList.readKey, i32),
      writeStart: shared(block.accessList.writeStart, i32),
      writeKey: shared(block.accessList.writeKey, i32),
      writeVal: shared(block.accessList.writeVal, f64),
      writeDelta: shared(block.accessList.writeDelta, u8),
    },
  };
}

/** A fresh state in shared memory, from the block's initial values. */
export function sharedState(block: Block): Float64Array {
  return shared(block.keys.initial, f64);
}
