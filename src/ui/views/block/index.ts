export { BlockPanel } from "./BlockPanel";
