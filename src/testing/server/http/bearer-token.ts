/**
 * The token of an `Authorization: Bearer <token>` header, read as kube-apiserver's bearer
 * token authenticator reads it; undefined when the header offers no bearer token (absent,
 * empty, another scheme, or an empty token), which makes the request anonymous rather
 * than refused. The scheme is case-insensitive; words after the token are ignored.
 */
export function bearerToken(header: string | undefined): string | undefined {
  const value = (header ?? '').trim();
  if (value === '') return undefined;
  // Split on single spaces, at most three parts: "Bearer  x" has an empty token.
  const [scheme, token] = splitN(value, ' ', 3);
  if (scheme?.toLowerCase() !== 'bearer' || token === undefined || token === '') return undefined;
  return token;
}

function splitN(text: string, separator: string, count: number): string[] {
  const parts = text.split(separator);
  return parts.length <= count ? parts : [...parts.slice(0, count - 1), parts.slice(count - 1).join(separator)];
}
