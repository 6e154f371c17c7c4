// The keys of a ConfigMap's data and binaryData and of a Secret's data (stringData folded
// in first), as kube-apiserver v1.36.3 checks them (apimachinery's IsConfigMapKey): at most
// 253 characters of [-._a-zA-Z0-9], not `.` or `..` nor starting with `..`, and no key in
// both of a ConfigMap's maps. Keys are reported sorted (Go's map order is random).
import type { KubeObject } from '../../../core/object.ts';
import { regexError } from '../../../core/names.ts';
import type { FieldCause } from '../crd/custom-resource-schema.ts';
import { invalidValue } from '../handlers/validate.ts';

const keyFormat = '[-._a-zA-Z0-9]+';
const keyPattern = new RegExp(`^${keyFormat}$`);
const keyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const maxKeyLength = 253;

/** Why `key` cannot be a ConfigMap or Secret key; empty when it can. */
export function configKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > maxKeyLength) errors.push(`must be no more than ${String(maxKeyLength)} characters`);
  if (!keyPattern.test(key)) errors.push(regexError(keyMessage, keyFormat, 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

const keysOf = (map: unknown): string[] => (typeof map === 'object' && map !== null ? Object.keys(map).sort() : []);
const keyCauses = (field: string, key: string): FieldCause[] =>
  configKeyErrors(key).map((detail) => invalidValue(`${field}[${key}]`, key, detail));

export function validateConfigMapKeys(object: KubeObject): FieldCause[] {
  const binaryKeys = new Set(keysOf(object.binaryData));
  return [
    ...keysOf(object.data).flatMap((key) => [
      ...keyCauses('data', key),
      ...(binaryKeys.has(key) ? [invalidValue(`data[${key}]`, key, 'duplicate of key present in binaryData')] : []),
    ]),
    ...[...binaryKeys].flatMap((key) => keyCauses('binaryData', key)),
  ];
}

export const validateSecretKeys = (object: KubeObject): FieldCause[] =>
  keysOf(object.data).flatMap((key) => keyCauses('data', key));
