/** Source text for a message: whitespace runs folded to one space, cut to `max` characters with `...`. */
export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 3)}...` : one;
}
