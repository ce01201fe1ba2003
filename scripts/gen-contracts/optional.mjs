// Decides from the page's own sentences whether a pointer parameter may be NULL, and keeps the sentence
// as evidence (the hovers quote it). Headings never say "[in, optional]" on these pages, so the words
// "If lpCallerData is null", "A null value for lpSQOS", "can be given as null" carry the fact.

function sentences(text) {
  return text.split(/(?<=[.;:])\s+(?=[A-Z])|\n+/).map((s) => s.trim()).filter((s) => s !== '');
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * @param {string} name parameter name
 * @param {string[]} texts the parameter's own description first, then the page's other descriptions, returns text and remarks
 * @returns {string | undefined} the sentence that says `name` may be NULL
 */
export function optionalEvidence(name, texts) {
  // The name itself, not a member reached through it (lpSQOS->ProviderSpecific.buf may be null; lpSQOS need not).
  const word = new RegExp(`(?<![\\w>.])${escape(name)}(?![\\w]|->|\\.\\w)`);
  const nullForName = new RegExp(`\\bnull (?:value|pointer) (?:for|in) (?:the )?${escape(name)}(?![\\w]|->)`, 'i');
  // "Optional pointer to a set of sockets..." / "An optional pointer to the address of the target socket".
  const first = sentences(texts[0] ?? '')[0];
  if (first !== undefined && /^(?:An? )?optional\b/i.test(first)) return first;
  // "Pointer to the size of the lpFrom buffer, in bytes, required only if lpFrom is specified."
  if (first !== undefined && /\brequired only if\b/i.test(first)) return first;
  for (const text of texts) {
    for (const s of sentences(text)) {
      if (!/\bnull\b/i.test(s) || !word.test(s)) continue;
      if (nullForName.test(s)) return s;
      // "If hEventObject is non-null, ..." / "If lpCompletionRoutine is not null, ...": a condition on it being set.
      if (new RegExp(`\\bIf ${escape(name)}(?: parameter)? is (?:non-|not )null\\b`, 'i').test(s)) return s;
      // "<subject> is/are/can be/may be (given as / set to) NULL": the parameter must be in the subject.
      for (const m of s.matchAll(/\b(is|are|be|given as|set to|equal to)\s+(?:a\s+)?null\b/gi)) {
        const before = s.slice(0, m.index);
        const clauseStart = Math.max(before.lastIndexOf('; '), before.search(/\b(?:if|when|If|When)\b(?!.*\b(?:if|when|If|When)\b)/));
        const subject = before.slice(Math.max(0, clauseStart));
        if (/\b(?:not|cannot|never|must)\s+$/i.test(before) || /\bnot\s+be\s*$/i.test(before)) continue;
        if (word.test(subject) && !/\bnon-?null\b/i.test(subject)) return s;
      }
    }
  }
  return undefined;
}
