export { createReviewService } from './service.js';
export type { ReviewServiceDeps } from './service.js';
export { openKvReviewStore, REVIEW_BUCKET } from './adapters/kv-store.js';
export type { ReviewEntry, ReviewStatus } from './domain/queue.js';
export type { ReviewStore } from './ports.js';
export { ReviewConfig } from './config.js';
export type { ReviewVerdict } from './queries.js';
export { caughtUpQueue, completedRun, findReviewEntry, OPEN_REVIEW, reviewEvent } from './queries.js';
