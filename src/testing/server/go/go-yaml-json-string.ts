/**
 * JSONToYAML fails in Go for this value; kube-apiserver answers 500 with the message. The
 * message is Go's, except that Go also names the line for the two NEL failures.
 */
export class GoYamlError extends Error {
  override name = 'GoYamlError';
}

/**
 * Refuses JSON text that go-yaml's reader refuses: encoding/json escapes control
 * characters below U+0020, U+2028 and U+2029, but leaves DEL, the C1 controls, U+FFFE and
 * U+FFFF raw, and go-yaml allows none of them. The reader checks ahead of the parser, so
 * this failure comes before the others (exactly so for texts under its 512-byte chunk).
 */
export function refuseControlCharacters(json: string): void {
  if (/[\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/u.test(json)) {
    throw new GoYamlError('yaml: control characters are not allowed');
  }
}

/**
 * A string as go-yaml reads it back from encoding/json's text (JSONToYAML's first step):
 * lone surrogates became U+FFFD, and a raw NEL (U+0085) is a line break in a quoted
 * scalar, so it folds like one: with the spaces around it, one NEL becomes a space and a
 * run of n NELs n-1 newlines.
 */
export function goYamlReadsJsonString(text: string): string {
  const wellFormed = text.toWellFormed();
  return wellFormed.includes('\u0085') ? foldNextLines(wellFormed) : wellFormed;
}

function foldNextLines(text: string): string {
  // A line that starts with a document marker ends the scalar: go-yaml fails to read it.
  if (/\u0085(---|\.\.\.)[ \u0085]/u.test(text)) {
    throw new GoYamlError('yaml: found unexpected document indicator');
  }
  return text.replace(/ *\u0085[ \u0085]*/gu, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}
