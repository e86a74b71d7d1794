import { describe, expect, it } from 'vitest';
import { appUrlMatcher, isTrustedSender } from '../../main/ipcGuard';

describe('IPC sender check', () => {
  const appPage = 'file:///opt/registry/out/renderer/index.html#/system/users';
  const top = { url: appPage };
  const iframe = { url: 'blob:file:///1234' };
  const win = { id: 1, mainFrame: top };
  const other = { id: 2, mainFrame: { url: appPage } };
  const isAppWindow = (s: { id: number }) => s.id === 1;
  const isAppUrl = appUrlMatcher(undefined);

  it('accepts the app window top frame showing the app page', () => {
    expect(isTrustedSender(top, win, isAppWindow, isAppUrl)).toBe(true);
  });

  it('refuses a sub-frame, another window, a navigated page and a missing frame', () => {
    expect(isTrustedSender(iframe, win, isAppWindow, isAppUrl)).toBe(false);
    expect(isTrustedSender(other.mainFrame, other, isAppWindow, isAppUrl)).toBe(false);
    const navigated = { url: 'https://evil.example/renderer/index.html' };
    expect(isTrustedSender(navigated, { id: 1, mainFrame: navigated }, isAppWindow, isAppUrl)).toBe(false);
    expect(isTrustedSender(null, win, isAppWindow, isAppUrl)).toBe(false);
  });

  it('matches the dev server in development only', () => {
    const dev = appUrlMatcher('http://localhost:5173');
    expect(dev('http://localhost:5173/#/')).toBe(true);
    expect(dev('file:///x/renderer/index.html')).toBe(false);
    expect(isAppUrl('file:///x/renderer/other.html')).toBe(false);
  });
});
