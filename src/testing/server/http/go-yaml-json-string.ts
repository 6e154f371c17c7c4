/**
 * A string as go-yaml reads it back from encoding/json's text, the first step of
 * sigs.k8s.io/yaml's JSONToYAML. encoding/json escapes control characters, U+2028 and
 * U+2029 and writes lone surrogates as U+FFFD, but leaves the rest raw, and YAML reads a
 * few raw characters in a quoted scalar its own way:
 * - NEL (U+0085) is a line break, so it folds like one: with the spaces around it, one
 *   NEL becomes a space and a run of n NELs n-1 newlines;
 * - DEL, the other C1 controls, U+FFFE and U+FFFF are refused ("control characters are
 *   not allowed"), so kube-apiserver cannot write such an object as YAML at all.
 */
export function goYamlReadsJsonString(text: string): string {
  const wellFormed = text.toWellFormed();
  const refused = /[\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/u.exec(wellFormed);
  if (refused !== null) {
    const code = (refused[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new GoYamlError(`yaml: control characters are not allowed (U+${code} in ${JSON.stringify(text)})`);
  }
  return wellFormed.includes('\u0085') ? foldNextLines(wellFormed) : wellFormed;
}

/** JSONToYAML failed in Go for this value; kube-apiserver writes no YAML body for it. */
export class GoYamlError extends Error {
  override name = 'GoYamlError';
}

function foldNextLines(text: string): string {
  const folded = text.replace(/ *\u0085[ \u0085]*/gu, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
  // A line that starts with a document marker ends the scalar: go-yaml fails to read it.
  if (/\u0085(---|\.\.\.)[ \u0085]/u.test(text)) {
    throw new GoYamlError(`yaml: found unexpected document indicator (in ${JSON.stringify(text)})`);
  }
  return folded;
}
