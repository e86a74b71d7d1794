import { closeApp } from '../main/core/app';
import type { Db } from '../main/core/db/connection';
import { residentIdCheckChar } from '../main/core/idnumber/residentId';
import { permissionsOf } from '../main/core/contract/roles';
import type { HandlerContext } from '../main/core/handler';
import { registrationTokens, searchKey, storedInitials } from '../main/marriage/search/names';
import { searchRegistrations } from '../main/marriage/search/service';
import { openBenchApp } from './core';
import { percentile, round, seeded, type BenchResult } from './measure';

// Marriage search over a generated register: realistic surnames and given names, valid resident
// IDs, certificate numbers over several years. Rows go in through one prepared statement per table
// (generation speed is not what is measured) — the search index too, built with the same functions
// the service uses; the search goes through the real service.

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏俊帆晨轩梓涵欣怡佳琪子萱雨桐一诺思远博文浩然';

/** One generated couple as inserted (the search benchmark samples its queries from these). */
export interface GeneratedMarriage {
  i: number;
  cert: string;
  maleId: string;
  femaleId: string;
  maleName: string;
  femaleName: string;
  registrationDate: string;
}

/** Fills the register with `registrations` seeded couples; `each` sees every couple as inserted. */
export function generateMarriages(db: Db, registrations: number, each: (m: GeneratedMarriage) => void = () => {}): void {
  const rnd = seeded(7);
  const pick = (s: string) => [...s][Math.floor(rnd() * [...s].length)]!;
  const name = () => pick(surnames) + pick(given) + (rnd() < 0.6 ? pick(given) : '');
  const idOf = (year: number, sex: 'male' | 'female', n: number) => {
    const birth = `${year}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const seq = String((n % 499) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
    const area = `50${String(1 + (n % 40)).padStart(4, '0')}`;
    const first17 = `${area}${birth}${seq}`;
    return first17 + residentIdCheckChar(first17);
  };
  const insertReg = db.prepare(
    "INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin, cross_province, created_at, updated_at) VALUES (?, 'registered', ?, ?, '500118', 'mainland', 0, 't', 't')",
  );
  const insertParty = db.prepare(
    "INSERT INTO marriage_parties (registration_id, sex, name, document_type, document_number, birth_date, nationality, ethnic_code, prior_status, name_initials) VALUES (?, ?, ?, 'residentId', ?, '1990-01-01', 'CHN', '01', '10', ?)",
  );
  const insertIndex = db.prepare('INSERT INTO marriage_name_search (rowid, terms) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 1; i <= registrations; i++) {
      const year = 2015 + (i % 11);
      const cert = `J500118-${year}-${String(Math.ceil(i / 11)).padStart(6, '0')}`;
      insertReg.run(i, `${year}-06-01`, cert);
      const [m, f] = [idOf(1960 + (i % 40), 'male', i), idOf(1962 + (i % 40), 'female', i + 7)];
      const [mn, fn] = [name(), name()];
      insertParty.run(i, 'male', mn, m, storedInitials(mn));
      insertParty.run(i, 'female', fn, f, storedInitials(fn));
      insertIndex.run(searchKey(`${year}-06-01`, i), registrationTokens([mn, fn]).join(' '));
      each({ i, cert, maleId: m, femaleId: f, maleName: mn, femaleName: fn, registrationDate: `${year}-06-01` });
    }
  })();
}

type SearchInput = Parameters<typeof searchRegistrations>[1];

/**
 * The queries a counter makes, sampled from the generated couples: certificate number, 18- and
 * 15-digit ID, full name, surname alone, given name alone (a substring), pinyin initials, initials
 * and name with a date range and status, and a date range alone.
 */
function queriesFor(s: GeneratedMarriage): SearchInput[] {
  const chars = [...s.maleName];
  const year = s.registrationDate.slice(0, 4);
  const initials = storedInitials(s.femaleName).split(' ')[0]!;
  const id15 = s.maleId.slice(0, 6) + s.maleId.slice(8, 17); // men are born 1960–1999: 19xx
  return [
    { query: s.cert },
    { query: s.femaleId },
    { query: id15 },
    { query: s.maleName },
    { query: chars[0]! },
    { query: chars.slice(1).join('') },
    { query: initials },
    { query: initials, from: `${year}-01-01`, to: `${year}-12-31`, status: 'registered' },
    { query: s.femaleName, from: `${year}-01-01`, to: `${year}-12-31` },
    { from: `${year}-01-01`, to: `${year}-12-31`, status: 'registered' },
  ];
}

export async function benchMarriageSearch(dataDir: string, registrations: number): Promise<BenchResult> {
  let app = openBenchApp(dataDir);
  const samples: GeneratedMarriage[] = [];
  const step = Math.max(1, Math.floor(registrations / 200));
  generateMarriages(app.db, registrations, (m) => {
    if (m.i % step === 0) samples.push(m);
  });
  closeApp(app);
  app = openBenchApp(dataDir); // steady state: statistics gathered at open
  const ctx: HandlerContext = {
    app,
    session: null,
    user: null,
    permissions: permissionsOf(['marriageClerk']),
    actor: { userId: null, username: 'bench' },
  };
  const times: number[] = [];
  for (const s of samples) {
    for (const input of queriesFor(s)) {
      const t0 = performance.now();
      const found = searchRegistrations(ctx, input);
      times.push(performance.now() - t0);
      if (found.length === 0) throw new Error(`search found nothing for ${JSON.stringify(input)}`);
    }
  }
  closeApp(app);
  return { id: 'marriage.search.p95_ms', value: round(percentile(times, 95)), unit: 'ms', n: registrations, target: '≤ 20' };
}
