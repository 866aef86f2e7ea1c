/**
 * Shows the first bytes of an upload as hex and printable text, so that a rejection message
 * lets a person recognise what they sent instead ("<!DOCTYPE", "%PDF", a JPEG marker...).
 */
export function describeLeadingBytes(bytes: Uint8Array, count = 8): string {
  if (bytes.length === 0) return "the upload is empty";
  const head = bytes.subarray(0, count);
  const hex = Array.from(head, (b) => b.toString(16).padStart(2, "0")).join(" ");
  const text = Array.from(head, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join(
    "",
  );
  const more = bytes.length > count ? " …" : "";
  return `first bytes ${hex}${more} "${text}"`;
}
