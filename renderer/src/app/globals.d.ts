import type { Api } from '../../../main/core/contract';

// What the Electron preload puts on the page (preload/index.ts). Absent in the browser shell.
declare global {
  interface Window {
    registry?: Api;
    registryShell?: { kind: 'electron' };
  }
}

export {};
