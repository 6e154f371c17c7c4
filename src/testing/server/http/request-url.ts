// The request target as kube-apiserver's Go HTTP server reads it. Go refuses a path with
// an invalid %-escape outright (400, in plain text), keeps bytes that are not UTF-8, and
// drops query pairs it cannot decode; WHATWG URLs (and decodeURIComponent) differ on all three.

/** A %-escape is `%` and two hex digits. */
const invalidEscape = /%(?![0-9a-fA-F]{2})/;

/**
 * The URL of a request target, with the query Go's `URL.Query()` would read, or undefined
 * when Go's server refuses the request itself (`400 Bad Request`).
 */
export function parseRequestUrl(target: string): URL | undefined {
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  if (invalidEscape.test(path)) return undefined;
  let url: URL;
  try {
    // Concatenated, so that a path like `//x` stays a path (not a host).
    url = target.startsWith('/') ? new URL(`http://embedded${target}`) : new URL(target);
  } catch {
    return undefined;
  }
  url.search = queryStart === -1 ? '' : goQuery(target.slice(queryStart + 1)).toString();
  return url;
}

/** Go's `url.ParseQuery`, keeping what it keeps: pairs with `;` or a bad escape are dropped. */
function goQuery(rawQuery: string): URLSearchParams {
  const query = new URLSearchParams();
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const equals = pair.indexOf('=');
    const [key, value] = equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    if (invalidEscape.test(key) || invalidEscape.test(value)) continue;
    query.append(unescape(key.replaceAll('+', ' ')), unescape(value.replaceAll('+', ' ')));
  }
  return query;
}

/**
 * Decodes the %-escapes of valid `text` as Go does, byte by byte; bytes that do not form
 * UTF-8 become U+FFFD, as Go's JSON encoder writes them.
 */
export function unescape(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === '%') {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(codePoint);
    bytes.push(...Buffer.from(char, 'utf8'));
    i += char.length;
  }
  return Buffer.from(bytes).toString('utf8');
}
