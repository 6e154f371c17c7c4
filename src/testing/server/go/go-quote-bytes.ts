import { goQuote } from './go-quote.ts';

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * `bytes`, a Go string that need not be UTF-8, quoted as Go's `%q` quotes it: each byte
 * that is not part of valid UTF-8 as `\xNN` (a JS string would have lost it to U+FFFD).
 */
export function goQuoteBytes(bytes: Uint8Array): string {
  let inner = '';
  for (let at = 0; at < bytes.length;) {
    const width = runeWidth(bytes, at);
    if (width === 0) {
      inner += `\\x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}`;
      at += 1;
    } else {
      inner += goQuote(strict.decode(bytes.subarray(at, at + width))).slice(1, -1);
      at += width;
    }
  }
  return `"${inner}"`;
}

// The length of the valid UTF-8 sequence at `at`, or 0 when there is none (Go's RuneError, width 1).
function runeWidth(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  const width =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (width === 0 || at + width > bytes.length) return 0;
  try {
    strict.decode(bytes.subarray(at, at + width));
    return width;
  } catch {
    return 0;
  }
}
