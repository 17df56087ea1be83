/** The tags a preset card shows: what the preset runs, read from its scenario and compare side. */
import type { Preset } from "../../engine/scenario/presets";
import { ethBlockOf, SCHEDULER_LABELS } from "../../engine/scenario/scenario";

export function presetTags(p: Preset): string[] {
  const s = p.scenario;
  const right = { ...s, ...p.compare };
  const tags = [SCHEDULER_LABELS[s.scheduler]];
  if (right.scheduler !== s.scheduler) tags.push(`vs ${SCHEDULER_LABELS[right.scheduler]}`);
  const workers =
    right.workers !== s.workers ? `${s.workers} vs ${right.workers} workers` : `${s.workers} workers`;
  tags.push(workers);
  if (s.shards > 1 || right.shards > 1) {
    tags.push(right.shards !== s.shards ? `${s.shards} vs ${right.shards} shards` : `${s.shards} shards`);
    tags.push(right.crossShard !== s.crossShard ? `${s.crossShard} vs ${right.crossShard}` : s.crossShard);
  }
  const block = ethBlockOf(s.source);
  if (block !== null) tags.push(`real block ${block}`);
  if (p.compare) tags.push("compare");
  return tags;
}
