/**
 * The context a fix is computed in: the text, its style, and the contract of the function the finding is
 * in (for the list of documented codes). Shared by the language server and `wsplint fix`, so both offer
 * the same edits. Which contract a provider function implements is found by the caller's resolver
 * (a WSP* name, a proc-table assignment), tried on the finding's own text first, then on other texts.
 */
import { getContract, type FunctionContract } from '../spec';
import type { Finding } from '../types';
import { detectStyle, type TextStyle } from './text-style';
import type { FixContext } from './types';

export type ContractResolver = (functionName: string, text: string) => FunctionContract | undefined;

export function fixContext(
  text: string,
  finding: Finding,
  contractOf: ContractResolver,
  otherTexts: () => Iterable<string> = () => [],
  style: TextStyle = detectStyle(text),
): FixContext {
  let contract = contractOf(finding.function, text);
  if (!contract) {
    for (const t of otherTexts()) {
      contract = contractOf(finding.function, t);
      if (contract) break;
    }
  }
  // The rules that need a code list are WSPConnect's; an unnamed implementation is most likely that.
  return { text, style, contract: contract ?? getContract('WSPConnect') };
}
