// Dates are calendar days in China: the answers must not depend on the machine's time zone.
// (The package's own isWorkday/getDayDetail are off by one day west of UTC; we read its JSON instead.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/app';

const probe = (tz: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/unit/calendar/tz-probe.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: tz },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

describe('independence from the process time zone', () => {
  it('Asia/Shanghai, UTC, America/New_York and Pacific/Kiritimati (UTC+14) give identical results', () => {
    const shanghai = probe('Asia/Shanghai');
    expect(shanghai).toMatchObject({
      days: [
        ['2025-07-05', false, '周末'],
        ['2025-09-28', true, '调休上班日'],
        ['2025-10-01', false, '法定节假日：国庆节'],
        ['2025-10-08', false, '法定节假日：国庆节'],
        ['2025-10-09', true, '工作日'],
        ['2026-02-14', true, '调休上班日'],
        ['2026-02-23', false, '法定节假日：春节'],
        ['2026-05-09', true, '调休上班日'],
      ],
      stage: '待双方申请发给离婚证，剩余 31 天（至 2025-11-10）',
    });
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) expect(probe(tz), tz).toEqual(shanghai);
  });
});

describe('reading the package JSON', () => {
  it("agrees with the package's own isWorkday() on every covered date (run in Asia/Shanghai, where it is correct)", () => {
    const { checked, mismatches } = probe('Asia/Shanghai', 'crosscheck') as { checked: number; mismatches: string[] };
    expect(checked).toBeGreaterThanOrEqual(8401); // 2004-01-01 … 2026-12-31
    expect(mismatches).toEqual([]);
  });
});
