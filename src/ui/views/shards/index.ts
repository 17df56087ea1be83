export { ShardsView } from "./ShardsView";
