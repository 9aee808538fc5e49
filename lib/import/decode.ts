// A file's bytes into text, by the bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1252
// (what Excel's "CSV (semicolon-separated)" writes on a French or German Windows) when the bytes are not
// UTF-8. Nothing is ever guessed into U+FFFD: a file that cannot be decoded is refused with the line it
// fails on, so a damaged name never overwrites a good one in the store.
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; encoding: Encoding; line: number };

/** Characters no text file holds: NUL (UTF-16 read as UTF-8) and U+FFFD (a byte that decoded to nothing). */
const NEVER = /[\u0000\uFFFD]/;
/** In a Windows-1252 file, C0 controls other than tab, CR and LF mean a binary file or UTF-16 without its BOM. */
const NOT_1252_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Windows-1252's bytes 0x80–0x9F (0 where undefined: 0x81, 0x8D, 0x8F, 0x90, 0x9D, bytes that are no text).
 * Decoded here rather than by TextDecoder('windows-1252'), which some engines (Node) read as ISO-8859-1 and
 * which maps the undefined bytes to C1 controls instead of refusing them.
 */
const HIGH_1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** The text of Windows-1252 bytes, or the index of the first byte that is undefined in it. */
function decode1252(bytes: Uint8Array): { text: string } | { badByte: number } {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const u = b >= 0x80 && b <= 0x9f ? HIGH_1252[b - 0x80] : b;
    if (!u) return { badByte: i };
    units[i] = u;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  return { text };
}

/**
 * The line of a character as the import counts lines: physical lines for JSON; for CSV one line per record,
 * a quoted field's line breaks staying inside its record (as a spreadsheet shows it).
 */
export function lineAt(text: string, index: number, csv: boolean): number {
  let line = 1;
  let quoted = false;
  for (let i = 0; i < index && i < text.length; i++) {
    const ch = text[i];
    if (csv && ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) line++;
    else if (ch === '\r' && !quoted && text[i + 1] !== '\n') line++;
  }
  return line;
}

/**
 * Whether a loose UTF-8 reading of bytes that are not all UTF-8 holds well-formed multi-byte characters, other
 * than those a Windows-1252 text writes by itself: a capital accented letter (Ä–ß, bytes C4–DF) before a
 * no-break space (A0) also reads as one UTF-8 character (`CAFÉ` + no-break space, as French typography writes
 * before `»`, `:` or `;`, is U+0260), and is not a sign of UTF-8.
 */
function holdsUtf8Text(loose: string): boolean {
  const multiByte = /[\u0080-\uFFFC\uFFFE\uFFFF]/g;
  for (let m = multiByte.exec(loose); m; m = multiByte.exec(loose)) {
    const c = m[0].charCodeAt(0);
    if (!(c >= 0x100 && c <= 0x7ff && (c & 0x3f) === 0x20)) return true; // [C4–DF] A0 is Windows-1252 too
  }
  return false;
}

const looksJson = (name: string, text: string) => /\.json$/i.test(name) || /^\s*[[{]/.test(text);

function refuse(name: string, text: string, index: number, encoding: Encoding): Decoded {
  return { ok: false, encoding, line: lineAt(text, index, !looksJson(name, text)) };
}

export function decodeBytes(name: string, bytes: Uint8Array): Decoded {
  const [a, b, c] = bytes;
  let encoding: Encoding;
  let text: string;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    encoding = 'utf-8-bom';
    text = new TextDecoder('utf-8').decode(bytes);
  } else if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    encoding = a === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      // Not UTF-8. Yet when other bytes are well-formed UTF-8 multi-byte characters, the file mixes the two
      // (a UTF-8 file damaged by hand, or two files pasted together): no reading of it is right, refuse it.
      const loose = new TextDecoder('utf-8').decode(bytes);
      if (holdsUtf8Text(loose)) return refuse(name, loose, loose.indexOf('\uFFFD'), 'utf-8');
      encoding = 'windows-1252';
      const d = decode1252(bytes);
      if ('badByte' in d) {
        const before = decode1252(bytes.subarray(0, d.badByte));
        return refuse(name, 'text' in before ? before.text : '', d.badByte, encoding);
      }
      text = d.text;
      const bad = NOT_1252_TEXT.exec(text);
      if (bad) return refuse(name, text, bad.index, encoding);
    }
  }
  const bad = NEVER.exec(text);
  if (bad) return refuse(name, text, bad.index, encoding);
  return { ok: true, text, encoding };
}
