import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeApp } from '../main/core/app';
import { permissionsOf } from '../main/core/contract/roles';
import { openBenchApp } from './core';
import { generateMarriages, type GeneratedMarriage } from './marriage';
import { searchRegistrations, findRegistrationIds } from '../main/marriage/search/service';
import { storedInitials } from '../main/marriage/search/names';

const n = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
let app = openBenchApp(dir);
const samples: GeneratedMarriage[] = [];
generateMarriages(app.db, n, (m) => { if (m.i % Math.floor(n / 100) === 0) samples.push(m); });
closeApp(app);
app = openBenchApp(dir);
const ctx = { app, session: null, user: null, permissions: permissionsOf(['marriageClerk']), actor: { userId: null, username: 'b' } };
const kinds: Record<string, (s: GeneratedMarriage) => any> = {
  cert: (s) => ({ query: s.cert }),
  id18: (s) => ({ query: s.femaleId }),
  id15: (s) => ({ query: s.maleId.slice(0, 6) + s.maleId.slice(8, 17) }),
  full: (s) => ({ query: s.maleName }),
  surname: (s) => ({ query: [...s.maleName][0] }),
  given: (s) => ({ query: [...s.maleName].slice(1).join('') }),
  initials: (s) => ({ query: storedInitials(s.femaleName).split(' ')[0] }),
  initialsFiltered: (s) => ({ query: storedInitials(s.femaleName).split(' ')[0], from: s.registrationDate.slice(0,4)+'-01-01', to: s.registrationDate.slice(0,4)+'-12-31', status: 'registered' }),
  nameYear: (s) => ({ query: s.femaleName, from: s.registrationDate.slice(0,4)+'-01-01', to: s.registrationDate.slice(0,4)+'-12-31' }),
  surnameDissolved: (s) => ({ query: [...s.maleName][0], status: 'dissolved' }),
  givenCharArchive: (s) => ({ query: [...s.maleName][1], source: 'archive' }),
  filtersOnly: (s) => ({ from: s.registrationDate.slice(0,4)+'-01-01', to: s.registrationDate.slice(0,4)+'-12-31', status: 'registered' }),
};
for (const [k, f] of Object.entries(kinds)) {
  const ts: number[] = []; const ids: number[] = []; let cnt = 0;
  for (const s of samples) { const input = f(s); let t0 = performance.now(); const r = findRegistrationIds(app, input, 50); ids.push(performance.now() - t0); t0 = performance.now(); searchRegistrations(ctx as any, input); ts.push(performance.now() - t0); cnt += r.length; }
  ts.sort((a, b) => a - b); ids.sort((a, b) => a - b);
  console.log(k.padEnd(18), 'ids p50', ids[Math.floor(ids.length / 2)]!.toFixed(2), 'p50', ts[Math.floor(ts.length / 2)]!.toFixed(2), 'p95', ts[Math.floor(ts.length * 0.95)]!.toFixed(2), 'ids p95', ids[Math.floor(ids.length * 0.95)]!.toFixed(2), 'avg results', (cnt / samples.length).toFixed(1));
}
closeApp(app); rmSync(dir, { recursive: true, force: true });
