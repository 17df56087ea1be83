export { LiveLanes } from "./LiveLanes";
export { LiveRunCard } from "./LiveRunCard";
export { WorkerLanes } from "./WorkerLanes";
