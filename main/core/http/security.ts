// One Content-Security-Policy for both shells (Electron and the browser bridge). Ant Design
// injects its CSS at run time, hence 'unsafe-inline' for styles only; scripts come from the app.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // Generated PDFs are previewed from blob: URLs.
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The only external addresses the app will hand to the system browser. */
const externalAllowList = ['www.mca.gov.cn', 'www.gov.cn', 'flk.npc.gov.cn'];

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && externalAllowList.includes(u.hostname);
  } catch {
    return false;
  }
}
