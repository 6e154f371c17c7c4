// String formats kube-apiserver checks in custom resources: the formats a CRD may declare
// (others are ignored, as apiextensions-apiserver strips them), and for the common ones
// the checks of kube-openapi's strfmt registry. A failed format is a type error:
// `spec.id in body must be of type uuid: "x"`.
import { isIPv6 as nodeIsIPv6 } from 'node:net';
import { goQuote } from '../go/go-quote.ts';
import { dnsLabelErrors, dnsSubdomainErrors } from '../../../core/names.ts';
import type { FieldError } from './field-error.ts';
import type { StructuralSchema } from './structural-schema.ts';
import { schemaError, type ValuePath } from './value-checks.ts';

const supportedStringFormats = new Set([
  'bsonobjectid', 'uri', 'email', 'hostname', 'ipv4', 'ipv6', 'cidr', 'mac', 'uuid', 'uuid3', 'uuid4', 'uuid5',
  'isbn', 'isbn10', 'isbn13', 'creditcard', 'ssn', 'hexcolor', 'rgbcolor', 'byte', 'password', 'date', 'duration',
  'datetime', 'k8sshortname', 'k8slongname',
]); // prettier-ignore

/** go-openapi's name normalization: `date-time` and `datetime` are one format. */
const normalized = (format: string) => format.replaceAll('-', '');

/** The schema's format once kube-apiserver has dropped those it does not support. */
export function supportedFormat(schema: StructuralSchema): string {
  const format = schema.format ?? '';
  if (format === '') return '';
  switch (schema.intOrString ? '' : schema.type) {
    case '':
    case 'string':
      return supportedStringFormats.has(normalized(format)) ? format : '';
    case 'integer':
      return format === 'int32' || format === 'int64' ? format : '';
    case 'number':
      return format === 'float' || format === 'double' ? format : '';
    default:
      return '';
  }
}

const uuidPatterns: Readonly<Record<string, RegExp>> = {
  uuid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  uuid3: /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  uuid4: /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i,
  uuid5: /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i,
};

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** strfmt's date-time: a date, `t`, then hh:mm:ss, a fraction and a zone (compared as text). */
function isDateTime(text: string): boolean {
  if (text.length < 4) return false;
  const [date = '', time] = text.toLowerCase().split('t');
  if (time === undefined || !isDate(date)) return false;
  const match = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/.exec(time);
  if (match === null) return false;
  const [hours = '', minutes = '', seconds = ''] = match.slice(1);
  return hours <= '23' && minutes <= '59' && seconds <= '59';
}

const hostnamePattern =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;

/** strfmt's hostname: its pattern, at most 255 bytes, labels of at most 63 bytes. */
function isHostname(text: string): boolean {
  const bytes = (part: string) => new TextEncoder().encode(part).length;
  return hostnamePattern.test(text) && bytes(text) <= 255 && text.split('.').every((label) => bytes(label) <= 63);
}

/** net.ParseIP's dotted IPv4 form, leading zeros tolerated (ParseIPSloppy). */
const isIPv4 = (text: string) =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && text.split('.').every((part) => Number(part) <= 255);

/** net.ParseIP's IPv6 forms (no zone), as govalidator's IsIPv6 requires a colon. */
const isIPv6 = (text: string) => text.includes(':') && !text.includes('%') && nodeIsIPv6(text);

/** net.ParseCIDR (sloppy: IPv4 leading zeros): an address, `/`, a prefix length that fits it. */
function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  return bits > 0 && Number(prefix) <= bits;
}

/** net.ParseMAC: 6, 8 or 20 octets, as pairs joined by `:` or `-`, or as dotted groups of four. */
function isMac(text: string): boolean {
  const octets = [6, 8, 20];
  for (const separator of [':', '-']) {
    const parts = text.split(separator);
    if (octets.includes(parts.length) && parts.every((part) => /^[0-9a-fA-F]{2}$/.test(part))) return true;
  }
  const groups = text.split('.');
  return octets.includes(groups.length * 2) && groups.every((group) => /^[0-9a-fA-F]{4}$/.test(group));
}

/** The checks implemented here; a supported format missing from this table passes. */
const checks: Readonly<Record<string, (text: string) => boolean>> = {
  ...Object.fromEntries(Object.entries(uuidPatterns).map(([name, pattern]) => [name, (text) => pattern.test(text)])),
  hexcolor: (text) => /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(text),
  ssn: (text) => /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(text),
  byte: (text) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(text),
  date: isDate,
  datetime: isDateTime,
  hostname: isHostname,
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCidr,
  mac: isMac,
  k8sshortname: (text) => dnsLabelErrors(text).length === 0,
  k8slongname: (text) => dnsSubdomainErrors(text).length === 0,
};

/** kube-openapi's format validator on a string value. */
export function checkFormat(value: string, format: string, path: ValuePath): FieldError[] {
  const check = checks[normalized(format)];
  if (check === undefined || check(value)) return [];
  return [
    schemaError('FieldValueTypeInvalid', path, value, `${path} in body must be of type ${format}: ${goQuote(value)}`),
  ];
}
