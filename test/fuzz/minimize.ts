/**
 * Shrinks a failing input so its regression fixture is readable: removes ever smaller chunks (halves,
 * quarters, ... down to single bytes) as long as the input still fails the same way, within a bounded
 * number of attempts. Delta debugging in its simplest form.
 */
export async function minimize(bytes: Uint8Array, stillFails: (candidate: Uint8Array) => Promise<boolean>, maxAttempts = 200): Promise<Uint8Array> {
  let current = bytes;
  let attempts = 0;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && attempts < maxAttempts) {
    let removed = false;
    for (let at = 0; at < current.length && attempts < maxAttempts; ) {
      const candidate = new Uint8Array(Buffer.concat([current.subarray(0, at), current.subarray(at + chunk)]));
      attempts++;
      if (candidate.length < current.length && (await stillFails(candidate))) {
        current = candidate;
        removed = true;
      } else {
        at += chunk;
      }
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return current;
}
