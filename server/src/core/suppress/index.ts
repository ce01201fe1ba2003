/** Suppression comments: parsed here, applied by the core's analyze() so the CLI and the server agree. */
export { applySuppressions, type SuppressionResult } from './apply-suppressions';
export { parseDirectives, type DirectiveKind, type DirectiveRule, type SuppressionDirective } from './parse-directives';
export { scanComments, type SourceComment } from './scan-comments';
