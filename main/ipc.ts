import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppContext } from './core/app';
import { fail } from './core/contract/result';
import { dispatch } from './core/dispatch';
import { isTrustedSender } from './ipcGuard';

export const RPC_CHANNEL = 'registry:rpc';

/**
 * Binds the handler registry to Electron IPC. Only the app's own top frame, showing the app's
 * own page, may call; anything else (an iframe, a navigated-away page) is refused.
 */
export function bindIpc(app: AppContext, isAppWindow: (wc: WebContents) => boolean, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(RPC_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown, token: unknown) => {
    if (!isTrustedSender(event.senderFrame, event.sender, isAppWindow, isAppUrl)) {
      return fail('FORBIDDEN', '拒绝来自非本程序页面的请求');
    }
    return dispatch(app, channel, input, typeof token === 'string' ? token : undefined);
  });
}
