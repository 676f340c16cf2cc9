/** base64 → bytes and bytes → a saved file in the renderer, without Node's Buffer. */

/** base64 → Uint8Array. */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Saves bytes as a file through a temporary <a download> (no Node APIs in the renderer). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
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
