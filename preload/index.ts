import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, type Api } from '../main/core/contract';

// Exposes exactly the contract's functions and nothing raw. The session token stays here, in the
// isolated preload world: page scripts can call the API but never read or replay the token.
const RPC_CHANNEL = 'registry:rpc';
let token: string | undefined;

type AnyResult = { ok: boolean; value?: { token?: unknown } };

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = (await ipcRenderer.invoke(RPC_CHANNEL, channel, input, token)) as AnyResult;
  if (result.ok && (channel === 'auth.login' || channel === 'setup.createAdmin')) {
    const t = result.value?.token;
    if (typeof t === 'string') token = t;
    result.value!.token = 'held-by-preload';
  }
  if (channel === 'auth.logout') token = undefined;
  return result;
}

const api = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as Api;

contextBridge.exposeInMainWorld('registry', api);
contextBridge.exposeInMainWorld('registryShell', { kind: 'electron' as const });
