/** Trace batches carry whole prompts and answers: up to 5 MB per request. */
export const traceIngestMaxBytes = 5 * 1024 * 1024;
