// Kubernetes' rules for object names and label keys and values, with apimachinery's exact
// wording (api/validate/content), which kube-apiserver puts verbatim into its errors. Pure:
// the embedded server validates with them, and the CLI checks its flags before it starts.

const dnsLabelFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dnsSubdomainFormat = `${dnsLabelFormat}(\\.${dnsLabelFormat})*`;
const dnsLabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const dnsSubdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const labelNameFormat = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelNameMessage =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueFormat = `(${labelNameFormat})?`;
const labelValueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const fullMatch = (format: string) => new RegExp(`^${format}$`);
const dnsLabelPattern = fullMatch(dnsLabelFormat);
const dnsSubdomainPattern = fullMatch(dnsSubdomainFormat);
const labelNamePattern = fullMatch(labelNameFormat);
const labelValuePattern = fullMatch(labelValueFormat);

const maxDnsLabelLength = 63;
const maxDnsSubdomainLength = 253;
const maxLabelNameBytes = 63;
const maxLabelValueBytes = 63;
const maxLabelPrefixBytes = 253;

// Go measures strings in UTF-8 bytes.
const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;
const tooLong = (max: number) => `must be no more than ${String(max)} bytes`;

/** apimachinery's `RegexError`, double space before each "or" included. */
export function regexError(message: string, format: string, ...examples: string[]): string {
  const shown = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

/** Why `name` is not a DNS-1123 subdomain (the name rule of most kinds); empty when it is one. */
export function dnsSubdomainErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > maxDnsSubdomainLength)
    errors.push(`must be no more than ${String(maxDnsSubdomainLength)} characters`);
  if (!dnsSubdomainPattern.test(name)) errors.push(regexError(dnsSubdomainMessage, dnsSubdomainFormat, 'example.com'));
  return errors;
}

/**
 * Why `name` is not a DNS-1123 label (the name rule of namespaces and new Services); empty
 * when it is one. A valid subdomain can only have failed by its dots, and is told so.
 */
export function dnsLabelErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > maxDnsLabelLength) errors.push(`must be no more than ${String(maxDnsLabelLength)} characters`);
  if (dnsLabelPattern.test(name)) return errors;
  if (dnsSubdomainPattern.test(name)) errors.push('must not contain dots');
  else errors.push(regexError(dnsLabelMessage, dnsLabelFormat, 'my-name', '123-abc'));
  return errors;
}

const dns1035LabelFormat = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelPattern = fullMatch(dns1035LabelFormat);
const dns1035LabelMessage =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/** Why `name` is not a DNS-1035 label (a CRD's plural, singular, short names, versions); empty when it is one. */
export function dns1035LabelErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > maxDnsLabelLength) errors.push(`must be no more than ${String(maxDnsLabelLength)} characters`);
  if (!dns1035LabelPattern.test(name))
    errors.push(regexError(dns1035LabelMessage, dns1035LabelFormat, 'my-name', 'abc-123'));
  return errors;
}

function labelPrefixErrors(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty'];
  const errors: string[] = [];
  if (bytes(prefix) > maxLabelPrefixBytes) errors.push(tooLong(maxLabelPrefixBytes));
  if (!dnsSubdomainPattern.test(prefix))
    errors.push(regexError(dnsSubdomainMessage, dnsSubdomainFormat, 'example.com'));
  return errors.map((error) => `prefix part ${error}`);
}

/** Why `key` is not a label key (`[prefix/]name`), in Go's order; empty when it is one. */
export function labelKeyErrors(key: string): string[] {
  const parts = key.split('/');
  const nameFormatError = regexError(labelNameMessage, labelNameFormat, 'MyName', 'my.name', '123-abc');
  if (parts.length > 2) {
    return [
      `a valid label key ${nameFormatError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const name = parts.at(-1) ?? '';
  const errors = parts.length === 2 ? labelPrefixErrors(parts[0] ?? '') : [];
  if (name === '') errors.push('name part must be non-empty');
  else if (bytes(name) > maxLabelNameBytes) errors.push(`name part ${tooLong(maxLabelNameBytes)}`);
  if (!labelNamePattern.test(name)) errors.push(`name part ${nameFormatError}`);
  return errors;
}

/** Why `value` is not a label value; empty when it is one (the empty string is). */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (bytes(value) > maxLabelValueBytes) errors.push(tooLong(maxLabelValueBytes));
  if (!labelValuePattern.test(value))
    errors.push(regexError(labelValueMessage, labelValueFormat, 'MyValue', 'my_value', '12345'));
  return errors;
}

/**
 * Why `name` cannot be a path segment (apimachinery's IsPathSegmentName, the name rule of
 * RBAC objects and their roleRefs): `.`, `..`, or a name with `/` or `%`. Empty when it can.
 */
export function pathSegmentErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
}
