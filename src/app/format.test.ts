import { describe, expect, it } from "vitest";
import { formatCount, formatDuration, formatInt, formatPercent, formatTimes, plural } from "./format";

describe("format", () => {
  it("groups integers with commas whatever the machine's locale", () => {
    expect(formatInt(1234567)).toBe("1,234,567");
    expect(formatInt(0)).toBe("0");
  });

  it("counts with the noun's plural, an irregular one where given", () => {
    expect(plural(1, "worker")).toBe("1 worker");
    expect(plural(2000, "transaction")).toBe("2,000 transactions");
    expect(plural(1, "batch", "batches")).toBe("1 batch");
    expect(plural(3, "batch", "batches")).toBe("3 batches");
  });

  it("shortens only large counts", () => {
    expect(formatCount(99_999)).toBe("99,999");
    expect(formatCount(12_345_678)).toBe("12.3M");
    expect(formatCount(250_000)).toBe("250K");
  });

  it("formats multipliers and shares", () => {
    expect(formatTimes(7.432)).toBe("7.43×");
    expect(formatTimes(12.34)).toBe("12.3×");
    expect(formatTimes(1)).toBe("1.00×");
    expect(formatPercent(0.634)).toBe("63%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("picks the unit of a duration", () => {
    expect(formatDuration(0)).toBe("0 µs");
    expect(formatDuration(3)).toBe("3.0 µs");
    expect(formatDuration(850)).toBe("850 µs");
    expect(formatDuration(1250)).toBe("1.25 ms");
    expect(formatDuration(12_500)).toBe("12.5 ms");
    expect(formatDuration(3_200_000)).toBe("3.20 s");
  });
});
