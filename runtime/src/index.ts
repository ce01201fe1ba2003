/** Public API of the reference runtime (no editor dependency). */
export * from './types';
export type { Stack, Reply, InBuf, OutBuf, PtrArg, ConnectArgs, SelectArgs, StackEvent } from './stack/stack';
export { SimulatedStack } from './stack/simulated/simulated-stack';
export type { SimulatedStackOptions } from './stack/simulated/simulated-stack';
export { PROFILE_RULES } from './stack/simulated/profile';
export type { ProfileRules } from './stack/simulated/profile';
export { runSource, RunSetupError, DEFAULT_BUDGET } from './runner';
export type { RunOptions, SnippetRunner, StackChoice } from './runner';
export { runCommand, RUN_USAGE } from './cli-run';
export type { RunIo } from './cli-run';
export { reportText } from './report-text';
export type { RunRequest, RunResponse } from './worker';
