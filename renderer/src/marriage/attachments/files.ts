// Reading a chosen file in the page: its bytes as Base64 for the call, and a quick look at an
// image's pixel size so an obviously unusable photo is named before anything is sent. The service
// judges the file again from its bytes; these are conveniences, not the rule.

/** The file's bytes as Base64 (no data-URL prefix). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsDataURL(file);
  });
}

/** Pixel size of an image the browser can show; null when it cannot (not an image, or broken). */
export function imageSize(url: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => resolve(null);
    img.src = url;
  });
}

export const dataUrl = (mimeType: string, base64: string): string => `data:${mimeType};base64,${base64}`;
