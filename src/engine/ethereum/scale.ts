/**
 * Ethereum amounts are 256-bit integers; the engine's state holds safe integers in float64. Each asset is
 * therefore counted in a coarser unit, 10^shift base units, with the smallest shift that keeps the sum of
 * everything the block moves of it below VALUE_LIMIT. Every balance then stays below the limit too: the
 * starting balances are the amounts each holder sends, so all of an asset in the state is at most that sum.
 * ETH is counted in gwei (shift 9) or coarser; a token by its own shift. Moved amounts round down, so an
 * amount below one unit moves 0 but still reads and writes the same entries; approvals round up (capped at
 * the limit), so an allowance covers what the recorded transfers later take from it.
 */
export const VALUE_LIMIT = 2 ** 50;

export const GWEI_SHIFT = 9;

/** Smallest shift >= minShift with total / 10^shift < VALUE_LIMIT. */
export function decimalShift(total: bigint, minShift: number): number {
  let shift = minShift;
  while (total / 10n ** BigInt(shift) >= BigInt(VALUE_LIMIT)) shift++;
  return shift;
}

/** A moved amount in units of 10^shift, rounded down. */
export function scaleDown(raw: bigint, shift: number): number {
  return Number(raw / 10n ** BigInt(shift));
}

/** An allowance in units of 10^shift, rounded up and capped just below VALUE_LIMIT (unlimited approvals). */
export function scaleAllowance(raw: bigint, shift: number): number {
  const unit = 10n ** BigInt(shift);
  const up = (raw + unit - 1n) / unit;
  return up >= BigInt(VALUE_LIMIT) ? VALUE_LIMIT - 1 : Number(up);
}
