// The answers' bytes, with the same stand-ins normalize-case.ts puts in the parsed bodies
// substituted in the text itself, so that key order, whitespace, escaping, number format
// and the trailing newline are compared too.
import type { RawResponse } from '../support/raw-http.ts';
import { sortManagedFieldsInText } from './managed-fields-text.ts';
import { rewriteText, timeKeys, volatileValues } from './normalize-case.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const timeKey = new RegExp(`"(${[...timeKeys].map(escape).join('|')})":"[^"]*"`, 'g');
const resourceVersion = /"resourceVersion":"(\d+)"/g;
const continueToken = /"continue":"[^"]+"/g;
const generated = /"generateName":"([^"]+)"/g;

/**
 * Each answer's text with resourceVersions, uids, times, continue tokens and generated
 * names normalised, and managedFields entries in one order.
 */
export function normalizeTexts(responses: readonly RawResponse[]): string[] {
  const { rank, uids } = volatileValues(responses);
  return responses.map((response) => {
    let text = rewriteText(response.text, rank)
      .replace(resourceVersion, (whole, digits: string) => {
        const ranked = rank.get(digits);
        return ranked === undefined ? whole : `"resourceVersion":"${ranked}"`;
      })
      .replace(timeKey, (_whole, key: string) => `"${key}":"<time>"`)
      .replace(continueToken, '"continue":"<continue>"');
    uids.forEach((uid, index) => {
      text = text.replaceAll(uid, `uid${String(index + 1)}`);
    });
    for (const [, prefix] of response.text.matchAll(generated)) {
      text = text.replace(
        new RegExp(`"name":"${escape(prefix ?? '')}[a-z0-9]{5}"`, 'g'),
        `"name":"${prefix ?? ''}<suffix>"`,
      );
    }
    return sortManagedFieldsInText(text);
  });
}

/** Where two texts first differ, with some context, or undefined when they are equal. */
export function textDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
  return `bytes differ at ${String(at)}:\n  kube-apiserver ${around(expected)}\n  embedded       ${around(actual)}`;
}
