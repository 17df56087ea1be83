import type { Block } from "../engine/block";
import { parseBlockText } from "../engine/ethereum/decode";
import { type EthBlockInfo, importEthBlock } from "../engine/ethereum/import";
import { ethBlockOf, type Scenario } from "../engine/scenario/scenario";
import { generateBlock } from "../engine/workload/generate";

/** A block ready to run, with what is known of it when it is a real Ethereum block. */
export interface LoadedBlock {
  readonly block: Block;
  readonly eth?: EthBlockInfo;
}

/**
 * The block a scenario runs: generated from the seed, or a mainnet block read through `readBlockFile`
 * (fetch in the browser, the file system under Node) and imported with the scenario's fee mode.
 */
export async function loadBlock(
  scenario: Scenario,
  readBlockFile: (number: number) => Promise<string>,
): Promise<LoadedBlock> {
  const number = ethBlockOf(scenario.source);
  if (number === null) return { block: generateBlock(scenario) };
  const parsed = parseBlockText(await readBlockFile(number));
  if (!parsed.ok) throw new Error(`block ${number}: ${parsed.error}`);
  const imported = importEthBlock(parsed.value, { feeMode: scenario.feeMode });
  if (!imported.ok) throw new Error(`block ${number}: ${imported.error}`);
  return { block: imported.block, eth: imported.info };
}
