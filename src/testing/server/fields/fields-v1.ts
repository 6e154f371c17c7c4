// The FieldsV1 wire format of a field set: nested objects keyed by serialized path
// elements, with `".": {}` marking a node that is a member and also has children.
import { FieldSet } from './field-set.ts';
import { comparePathElements, parsePathElement, type PathElement, serializePathElement } from './path-element.ts';

/** A FieldsV1 object, as in `metadata.managedFields[].fieldsV1`. */
export type FieldsV1 = { [key: string]: FieldsV1 };

/** The set as kube-apiserver writes it, keys in Go's order. */
export function toFieldsV1(set: FieldSet, includeSelf = false): FieldsV1 {
  const out: FieldsV1 = {};
  const { members, children } = set;
  if (includeSelf && (members.length > 0 || children.length > 0)) out['.'] = {};
  const entries: { pe: PathElement; member: boolean; child?: FieldSet }[] = members.map((pe) => ({ pe, member: true }));
  for (const { pe, set: child } of children) {
    const same = entries.find((entry) => entry.member && comparePathElements(entry.pe, pe) === 0);
    if (same) same.child = child;
    else entries.push({ pe, member: false, child });
  }
  entries.sort((a, b) => comparePathElements(a.pe, b.pe));
  for (const { pe, member, child } of entries) {
    out[serializePathElement(pe)] = child ? toFieldsV1(child, member) : {};
  }
  return out;
}

/** Reads a FieldsV1 object; keys of unknown path element types are dropped, as in Go. */
export function fromFieldsV1(fields: unknown): FieldSet {
  return read(fields).children ?? new FieldSet();
}

function read(fields: unknown): { children: FieldSet | undefined; isMember: boolean } {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    throw new Error('FieldsV1 must be an object');
  const members: PathElement[] = [];
  const children: { pe: PathElement; set: FieldSet }[] = [];
  let isMember = false;
  let any = false;
  for (const [key, value] of Object.entries(fields)) {
    if (key === '.') {
      isMember = true;
      continue;
    }
    const pe = parsePathElement(key);
    if (pe === undefined) continue;
    any = true;
    const child = read(value);
    if (child.isMember) members.push(pe);
    if (child.children) children.push({ pe, set: child.children });
  }
  if (!any) return { children: undefined, isMember: true };
  return { children: FieldSet.from(members, children), isMember };
}
