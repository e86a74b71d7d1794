import type { FileOutput } from '../../app/contract';

/**
 * Saves a generated file the way the browser (or Electron's save dialog) saves any download. The
 * blob URL is released once the click has handed the bytes over.
 */
export function downloadFile(file: FileOutput): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
