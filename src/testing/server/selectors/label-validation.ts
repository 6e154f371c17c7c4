// Label key and value rules with apimachinery's exact wording (api/validate/content), which
// kube-apiserver puts verbatim into its selector errors. Lengths are UTF-8 bytes, as in Go.

const nameFormat = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const nameMessage =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const valueFormat = `(${nameFormat})?`;
const valueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const subdomainFormat = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

const namePattern = new RegExp(`^${nameFormat}$`);
const valuePattern = new RegExp(`^${valueFormat}$`);
const subdomainPattern = new RegExp(`^${subdomainFormat}$`);

const maxNameBytes = 63;
const maxValueBytes = 63;
const maxPrefixBytes = 253;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const tooLong = (max: number) => `must be no more than ${String(max)} bytes`;

/** apimachinery's `RegexError`, double space before each "or" included. */
function regexError(message: string, format: string, ...examples: string[]): string {
  const shown = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${shown}regex used for validation is '${format}')`;
}

function prefixErrors(prefix: string): string[] {
  if (prefix === '') return ['prefix part must be non-empty'];
  const errors: string[] = [];
  if (bytes(prefix) > maxPrefixBytes) errors.push(tooLong(maxPrefixBytes));
  if (!subdomainPattern.test(prefix)) errors.push(regexError(subdomainMessage, subdomainFormat, 'example.com'));
  return errors.map((error) => `prefix part ${error}`);
}

/** Why `key` is not a label key (`[prefix/]name`), in Go's order; empty when it is one. */
export function labelKeyErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) {
    const format = regexError(nameMessage, nameFormat, 'MyName', 'my.name', '123-abc');
    return [`a valid label key ${format} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const name = parts.at(-1) ?? '';
  const errors = parts.length === 2 ? prefixErrors(parts[0] ?? '') : [];
  if (name === '') errors.push('name part must be non-empty');
  else if (bytes(name) > maxNameBytes) errors.push(`name part ${tooLong(maxNameBytes)}`);
  if (!namePattern.test(name))
    errors.push(`name part ${regexError(nameMessage, nameFormat, 'MyName', 'my.name', '123-abc')}`);
  return errors;
}

/** Why `value` is not a label value; empty when it is one (the empty string is). */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (bytes(value) > maxValueBytes) errors.push(tooLong(maxValueBytes));
  if (!valuePattern.test(value)) errors.push(regexError(valueMessage, valueFormat, 'MyValue', 'my_value', '12345'));
  return errors;
}
