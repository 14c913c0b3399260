export { CorpusEntry, parseCorpus } from './corpus.js';
export { evaluateDiscovery, type DiscoveryEval, type WorstCase } from './evaluate.js';
export { DEFAULT_CORPUS_DIR, loadCorpus } from './load.js';
export { TARGETS, type Metric } from './metrics.js';
export { CATEGORIES, Category, type EntryScore } from './score.js';
