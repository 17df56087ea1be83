import type { Contract } from "./contract";

/**
 * The teaching contract: write = read + 1. Args: readKey, writeKey, both on the target side. With
 * "tx j reads M[j mod 3] and writes M[j mod 4]" it builds the classic Block-STM walkthrough block.
 */
export const readWrite: Contract = {
  id: 5,
  name: "readWrite",
  gas: 21_000,
  argNames: ["read", "write"],
  settlesOnSuccess: false,
  access(a, o, sink) {
    sink.add(a[o], false, 1);
    sink.add(a[o + 1], true, 1);
  },
  debit() {
    return 0;
  },
  apply(v, a, o) {
    v.write(a[o + 1], v.read(a[o]) + 1);
    return 0;
  },
  settle() {},
};
