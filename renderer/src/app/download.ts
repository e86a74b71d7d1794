import type { FileOutput } from './contract';

/**
 * Saves bytes the way the browser (or Electron's save dialog) saves any download. The blob URL is
 * released a little later: the click only starts the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file main generated (XLSX export, CSV template, PDF) under its own name. */
export function downloadFile(file: FileOutput): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}
