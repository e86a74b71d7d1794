import { residentIdCheckChar } from '../../main/core/idnumber/residentId';

// Set-up through the served app's HTTP bridge, as the browser shell calls it: what a spec needs in
// place before the screens it is about (an office, accounts, a registered couple).

/** A valid resident ID of 重庆市永川区 (500118) for a birth date YYYYMMDD and a 3-digit serial (odd = male). */
export const residentId = (birth: string, seq: string): string =>
  `500118${birth}${seq}` + residentIdCheckChar(`500118${birth}${seq}`);

/** POST /api/<channel>; returns the value or throws the service's code and message. */
export async function api<T>(url: string, channel: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** The first administrator, with the office's name and division code set; returns the admin's token. */
export async function setUpOffice(url: string, officeName: string, divisionCode = '500118'): Promise<string> {
  const admin = await api<{ token: string }>(url, 'setup.createAdmin', {
    username: 'admin',
    displayName: '系统管理员',
    password: 'Admin1234',
  });
  const settings = await api<Record<string, unknown>>(url, 'settings.get', {}, admin.token);
  await api(url, 'settings.update', { ...settings, officeName, divisionCode }, admin.token);
  return admin.token;
}

/** A user with one role whose forced first password is already changed; returns a fresh token. */
export async function account(
  url: string,
  adminToken: string,
  username: string,
  displayName: string,
  role: string,
  password: string,
): Promise<string> {
  await api(url, 'users.create', { username, displayName, roles: [role], password: 'Initial123' }, adminToken);
  const first = await api<{ token: string }>(url, 'auth.login', { username, password: 'Initial123' });
  await api(url, 'auth.changePassword', { currentPassword: 'Initial123', newPassword: password }, first.token);
  return (await api<{ token: string }>(url, 'auth.login', { username, password })).token;
}

/** A mainland party for `marriage.register`, every declaration confirmed. */
export const marriageParty = (name: string, sex: 'male' | 'female', birth: string, seq: string) => ({
  name,
  sex,
  birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  documentType: 'residentId',
  documentNumber: residentId(birth, seq),
  nationality: 'CHN',
  ethnicCode: '01',
  priorStatus: '10',
  priorEvidence: null,
  occupation: null,
  phone: null,
  address: null,
  householdProvince: '50',
  declarations: { voluntary: true, noSpouse: true, noProhibitedKinship: true, illnessDisclosed: true },
});
