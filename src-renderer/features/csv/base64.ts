/**
 * Bytes ⇄ base64 in the renderer, without Node's Buffer: files cross IPC as base64 strings.
 * Chunked so a 10 MB file does not overflow String.fromCharCode's argument limit.
 */
const CHUNK = 0x8000;

/** Uint8Array → base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** base64 → Uint8Array. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Saves bytes as a file through a temporary <a download> (no Node APIs in the renderer). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; release the blob afterwards
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
