/**
 * Document URIs <-> the paths the core reports in findings. Open documents keep the exact URI the client
 * sent (clients encode URIs differently); other paths become file URIs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

export class DocumentPaths {
  private readonly uris = new Map<string, string>();

  pathOf(uri: string): string {
    let p = uri;
    if (uri.startsWith('file:')) {
      try {
        p = fileURLToPath(uri);
      } catch {
        p = uri;
      }
    }
    this.uris.set(p, uri);
    return p;
  }

  uriOf(path: string): string {
    const known = this.uris.get(path);
    if (known) return known;
    if (/^[a-z][\w+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
    return pathToFileURL(path).href;
  }
}
