import type { Language } from '../types';

/** C++ constructs that never appear in C: a `.h` file that has them is parsed as C++. */
const CPP_MARKERS = /\b(class|namespace|template|public:|private:|protected:|nullptr|static_cast|reinterpret_cast|const_cast|constexpr|decltype|using\s+namespace|operator\s*[^\s\w])|::/;

/**
 * The grammar for a file: .c is C; .cpp/.cc/.cxx/.hpp are C++; a .h header is C unless its text uses
 * C++ (headers of C++ providers are usually .h).
 */
export function languageOfSource(path: string, text: string): Language {
  if (/\.c$/i.test(path)) return 'c';
  if (/\.h$/i.test(path)) return CPP_MARKERS.test(stripComments(text)) ? 'cpp' : 'c';
  return 'cpp';
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ').replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}
