// Who may call main over IPC. Kept free of Electron imports so the rule is unit-tested directly.

export interface FrameLike {
  url: string;
}

export interface SenderLike<F extends FrameLike = FrameLike> {
  mainFrame: F;
}

/**
 * Only the app window's top frame, showing the app's own page, may call. An iframe (e.g. a PDF
 * preview), a page navigated elsewhere, or another window is refused.
 */
export function isTrustedSender<F extends FrameLike, S extends SenderLike<F>>(
  frame: F | null | undefined,
  sender: S,
  isAppWindow: (s: S) => boolean,
  isAppUrl: (url: string) => boolean,
): boolean {
  return !!frame && frame === sender.mainFrame && isAppWindow(sender) && isAppUrl(frame.url);
}

/** The app page: the built renderer's index.html from file://, or the dev server's URL in `npm run dev`. */
export function appUrlMatcher(devServerUrl: string | undefined): (url: string) => boolean {
  return (url) => {
    if (devServerUrl) return url.startsWith(devServerUrl);
    try {
      const u = new URL(url);
      return u.protocol === 'file:' && decodeURIComponent(u.pathname).endsWith('/renderer/index.html');
    } catch {
      return false;
    }
  };
}
