/**
 * FixHint kind -> the edits that fix it. One file per kind; this only dispatches. Pure text edits on
 * offsets (no LSP imports): the language server and `wsplint fix` both call this.
 */
import type { Finding } from '../types';
import { addNameCheckFixes } from './add-name-check';
import { boundCopyFixes } from './bound-copy';
import { nullGuardFixes } from './null-guard';
import { replaceCodeFixes } from './replace-code';
import { setCalleeLenFixes } from './set-callee-len';
import { setErrnoFixes } from './set-errno';
import type { FixChoice, FixContext } from './types';

export { fixContext, type ContractResolver } from './context';
export { fixAll, fixAllAsync, minimalEdit, type FixAllAsyncOptions, type FixAllResult } from './fix-all';
export { disableLineFix, REASON_PLACEHOLDER } from './disable-line';
export { removeSuppressionFix } from './remove-suppression';
export { detectStyle, type TextStyle } from './text-style';
export { applyEdits, overlaps, type FixChoice, type FixContext, type OffsetEdit } from './types';

export function fixesFor(finding: Finding, ctx: FixContext): FixChoice[] {
  const hint = finding.fix;
  if (!hint) return [];
  switch (hint.kind) {
    case 'set-errno-before-return':
      return setErrnoFixes(hint, ctx);
    case 'replace-code':
      return replaceCodeFixes(hint, ctx);
    case 'set-callee-len':
      return setCalleeLenFixes(hint, ctx);
    case 'null-guard':
      return nullGuardFixes(hint, ctx);
    case 'bound-copy':
      return boundCopyFixes(hint, ctx);
    case 'add-name-check':
      return addNameCheckFixes(hint, ctx);
  }
}
export { applyEditsToBytes, byteOffset, encodeText, type ByteEditResult } from './byte-edit';
