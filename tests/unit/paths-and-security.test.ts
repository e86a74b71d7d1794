import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../main/core/http/security';
import { dataDirFrom, defaultDataDir } from '../../main/core/paths';

describe('data folder', () => {
  it('--data-dir beats REGISTRY_DATA_DIR beats the Electron userData default', () => {
    const env = { REGISTRY_DATA_DIR: '/srv/env-dir', XDG_CONFIG_HOME: '/home/x/.config' };
    expect(dataDirFrom(['--data-dir', '/srv/flag'], env)).toBe(resolve('/srv/flag'));
    expect(dataDirFrom(['--data-dir=/srv/eq'], env)).toBe(resolve('/srv/eq'));
    expect(dataDirFrom([], env)).toBe(resolve('/srv/env-dir'));
    expect(dataDirFrom([], { XDG_CONFIG_HOME: '/home/x/.config' })).toBe(
      resolve(defaultDataDir({ XDG_CONFIG_HOME: '/home/x/.config' })),
    );
  });
});

describe('external links', () => {
  it('only allow-listed https sites reach the system browser', () => {
    expect(isAllowedExternalUrl('https://www.mca.gov.cn/zwgk/')).toBe(true);
    expect(isAllowedExternalUrl('http://www.mca.gov.cn/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.mca.gov.cn.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
