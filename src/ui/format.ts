/**
 * The page's number formats. They live in app, so that text computed there (the guided story's sentences)
 * writes every figure exactly as the views do; views import them from here.
 */
export { formatCount, formatDuration, formatInt, formatPercent, formatTimes, plural } from "../app/format";
