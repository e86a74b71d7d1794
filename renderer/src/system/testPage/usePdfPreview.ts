import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileOutput } from '../../app/contract';

function blobUrl(file: FileOutput): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
}

/**
 * Holds a generated file with a blob: URL for preview / save / print. The previous URL is revoked
 * when a new file arrives and the last one when the page closes, so PDFs do not pile up in memory.
 */
export function usePdfPreview(): [{ file: FileOutput; url: string } | null, (file: FileOutput) => void] {
  const [preview, setPreview] = useState<{ file: FileOutput; url: string } | null>(null);
  const live = useRef<Set<string>>(new Set());

  const show = useCallback((file: FileOutput) => {
    const url = blobUrl(file);
    for (const old of live.current) URL.revokeObjectURL(old);
    live.current = new Set([url]);
    setPreview({ file, url });
  }, []);

  useEffect(() => {
    const urls = live.current;
    return () => urls.forEach((u) => URL.revokeObjectURL(u));
  }, []);

  return [preview, show];
}
