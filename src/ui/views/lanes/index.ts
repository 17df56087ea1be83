export { LiveLanes } from "./LiveLanes";
export { WorkerLanes } from "./WorkerLanes";
