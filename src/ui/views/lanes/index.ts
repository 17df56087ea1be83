export { WorkerLanes } from "./WorkerLanes";
