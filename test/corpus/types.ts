import type { Decision } from '../../src/core/types';

/**
 * One corpus case: the decision Airlock must reach for a command line and, optionally, a rule
 * id that must be among the findings. Lines run with `test/corpus/fixtures` as their cwd.
 */
export type CorpusCase = readonly [expected: Decision, line: string, rule?: string];

/** A corpus file (`test/corpus/<pack>.ts`) default-exports one of these. */
export type Corpus = readonly CorpusCase[];
