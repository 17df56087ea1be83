/** Short, readable names for addresses and hashes in views and the CLI. */

/** A few well-known mainnet contracts, so the hottest contracts of a block read as what they are. */
const KNOWN: Readonly<Record<string, string>> = {
  "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2": "WETH",
  "0xdac17f958d2ee523a2206206994597c13d831ec7": "USDT",
  "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48": "USDC",
  "0x6b175474e89094c44da98b954eedeac495271d0f": "DAI",
  "0x1f9840a85d5af5bf1d1762f925bdaddc4201f984": "UNI",
  "0x95ad61b0a150d79219dcf64e1e6cc01f0b64c4ce": "SHIB",
  "0x7d1afa7b718fb893db30a3abc0cfc608aacfebb0": "MATIC",
  "0x7a250d5630b4cf539739df2c5dacb4c659f2488d": "Uniswap V2 Router",
  "0xe592427a0aece92de3edee1f18e0157c05861564": "Uniswap V3 Router",
  "0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad": "Uniswap Universal Router",
  "0xdef1c0ded9bec7f1a1670819833240f027b25eff": "0x Exchange Proxy",
  "0x7be8076f4ea4a4ad08075c2508e481d6c946d12b": "OpenSea Wyvern Exchange",
  "0x1111111254eeb25477b68fb85ed929f73a960582": "1inch Router v5",
};

/** "0x1f90…c326": first and last two bytes of an address. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** A well-known contract's name, else its short address. */
export function addressName(address: string): string {
  return KNOWN[address] ?? shortAddress(address);
}

/** "0x2ecd08e8": the first four bytes of a transaction hash, as block explorers abbreviate it. */
export function shortHash(hash: string): string {
  return hash.slice(0, 10);
}
