/**
 * Files that are not on disk but inside a taxonomy package (a zip) opened for this run: a path
 * `<zip's absolute path>/<entry>` stands for the entry, so that relative references between the package's
 * documents resolve as between files of a folder. `readInputBytes` reads them like any file.
 */

const files = new Map<string, Buffer>();

/** Makes a package's entries readable at `<root>/<entry>`. */
export function addVirtualFiles(root: string, entries: ReadonlyMap<string, Uint8Array>): void {
  for (const [name, bytes] of entries) files.set(`${root}/${name}`, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The bytes of a package entry at this path, if one is open. */
export function virtualFile(path: string): Buffer | undefined {
  return files.size ? files.get(path.replace(/\\/g, '/')) : undefined;
}
