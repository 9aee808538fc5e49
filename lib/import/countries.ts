// Countries as partners' files write them: an ISO 3166-1 code (alpha-2 or alpha-3) or an English name.
import { ISO_3166 } from './countries-data';
import { quoted } from './text';
import { wording } from '../wording';
import type { Parsed } from './values';

/** Kosovo has no ISO code yet; XK is the user-assigned code Microsoft and the EU use for it. */
const EXTRA_CODES: Record<string, string> = { XK: 'Kosovo' };

/** Names people write that neither ISO nor CLDR (Intl) spell that way. */
const ALIASES: Record<string, string> = {
  usa: 'US', us: 'US', america: 'US', unitedstatesofamerica: 'US',
  uk: 'GB', greatbritain: 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', northernireland: 'GB',
  korea: 'KR', southkorea: 'KR', republicofkorea: 'KR', northkorea: 'KP', dprk: 'KP',
  russia: 'RU', vietnam: 'VN', ivorycoast: 'CI', turkey: 'TR', burma: 'MM', holland: 'NL',
  drc: 'CD', drcongo: 'CD', democraticrepublicofcongo: 'CD', democraticrepublicofthecongo: 'CD', republicofthecongo: 'CG', republicofcongo: 'CG',
  czechrepublic: 'CZ', swaziland: 'SZ', macedonia: 'MK', capeverde: 'CV', easttimor: 'TL', vatican: 'VA', holysee: 'VA',
  palestine: 'PS', hongkong: 'HK', macau: 'MO', macao: 'MO', laos: 'LA', syria: 'SY', iran: 'IR', moldova: 'MD',
  tanzania: 'TZ', bolivia: 'BO', venezuela: 'VE', brunei: 'BN', micronesia: 'FM', uae: 'AE', emirates: 'AE',
};

const norm = (s: string) =>
  s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/&/g, 'and').replace(/\bst\.?\s/g, 'saint ').replace(/[^a-z]/g, '');

interface Tables { alpha2: Set<string>; alpha3: Map<string, string>; names: Map<string, string> }
let tables: Tables | undefined;

/** Built once, on first use: ISO names first, then the English names Intl knows, then looser variants. */
function build(): Tables {
  const alpha2 = new Set<string>();
  const alpha3 = new Map<string, string>();
  const names = new Map<string, string>();
  const add = (name: string, code: string) => {
    const k = norm(name);
    if (k && !names.has(k)) names.set(k, code);
  };
  const entries: Array<[string, string[]]> = [];
  for (const line of ISO_3166.trim().split('\n')) {
    const [a2, a3, ...isoNames] = line.split('|');
    alpha2.add(a2);
    alpha3.set(a3, a2);
    entries.push([a2, isoNames]);
  }
  for (const [code, name] of Object.entries(EXTRA_CODES)) { alpha2.add(code); entries.push([code, [name]]); }
  let intl: Intl.DisplayNames | undefined;
  try { intl = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }); } catch { /* names from ISO only */ }
  for (const [code, isoNames] of entries) {
    const cldr = intl?.of(code);
    if (cldr && cldr !== code) isoNames.push(cldr);
  }
  for (const [code, all] of entries) for (const n of all) add(n, code);
  for (const [alias, code] of Object.entries(ALIASES)) names.set(alias, code);
  // "Korea, Republic of" -> "Republic of Korea"; "Myanmar (Burma)" -> "Myanmar", "Burma"; "Congo - Kinshasa" -> "Congo Kinshasa".
  for (const [code, all] of entries) {
    for (const n of all) {
      const comma = /^(.+),\s*(.+)$/.exec(n);
      if (comma) add(`${comma[2]} ${comma[1]}`, code);
      const paren = /^(.+?)\s*\((.+)\)$/.exec(n);
      if (paren) { add(paren[1], code); add(paren[2], code); }
      if (/^the\s/i.test(n)) add(n.slice(4), code);
    }
  }
  return { alpha2, alpha3, names };
}

/** An ISO 3166-1 alpha-2 code from a code (either length, any case) or an English name. */
export function parseCountry(raw: string): Parsed<string> {
  const s = raw.trim();
  const t = (tables ??= build());
  const upper = s.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && t.alpha2.has(upper)) return { ok: true, value: upper };
  if (/^[A-Z]{3}$/.test(upper) && t.alpha3.has(upper)) return { ok: true, value: t.alpha3.get(upper)! };
  const key = norm(s);
  const byName = t.names.get(key) ?? t.names.get(key.replace(/^the/, ''));
  if (byName) return { ok: true, value: byName };
  return { ok: false, text: wording('import_not_country', quoted(s)) };
}
