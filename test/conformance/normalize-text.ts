// The answers' bytes, with the same stand-ins normalize-case.ts puts in the parsed bodies
// substituted in the text itself, so that key order, whitespace, escaping, number format
// and the trailing newline are compared too.
import { protobufMediaType } from '../../src/testing/server/protobuf/index.ts';
import type { RawResponse } from '../support/raw-http.ts';
import { sortManagedFieldsInText } from './managed-fields-text.ts';
import { rewriteText, timeKeys, volatileValues } from './normalize-case.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Keys as JSON writes them, compact or pretty (`"key": `), and as YAML does (`key: `).
const timeKey = new RegExp(`("?(?:${[...timeKeys].map(escape).join('|')})"?: ?)"[^"]*"`, 'g');
const resourceVersion = /("?resourceVersion"?: ?)"(\d+)"/g;
const continueToken = /("?continue"?: ?)"[^"]+"/g;
const generated = /"generateName":"([^"]+)"/g;
// A Table's Created At cell, the server's clock (any other quoted RFC 3339 time goes too,
// in both servers' answers alike).
const dateCell = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g;
// A Table's Age cell, in JSON and in YAML: it depends on the second the row was printed.
const ageCell = /"(?:\d+[smhdy])+"|(?<=^ *- )(?:\d+[smhdy])+$/gm;

/**
 * Each answer's text with resourceVersions, uids, times, continue tokens and generated
 * names normalised, and managedFields entries in one order.
 */
export function normalizeTexts(responses: readonly RawResponse[]): string[] {
  const { rank, uids } = volatileValues(responses);
  return responses.map((response) => {
    // Protobuf is compared decoded: its length prefixes change with every substituted value.
    if (response.contentType?.startsWith(protobufMediaType) === true) return '<protobuf>';
    let text = rewriteText(response.text, rank)
      .replace(resourceVersion, (whole, key: string, digits: string) => {
        const ranked = rank.get(digits);
        return ranked === undefined ? whole : `${key}"${ranked}"`;
      })
      .replace(timeKey, (_whole, key: string) => `${key}"<time>"`)
      .replace(continueToken, (_whole, key: string) => `${key}"<continue>"`)
      .replace(ageCell, '<age>')
      .replace(dateCell, '"<time>"');
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
