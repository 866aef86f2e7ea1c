/**
 * Folder names inside an archive: the volume id keeps them unique, the name (made safe for every
 * file system) keeps them readable.
 */
export function volumeFolder(volume: { id: number; name: string }): string {
  return `v${volume.id}_${volume.name.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
}
