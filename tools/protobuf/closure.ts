import protobuf from 'protobufjs';

/** The messages `roots` reach through their fields (map values included), roots first. */
export function messageClosure(root: protobuf.Root, roots: readonly string[]): protobuf.Type[] {
  const seen = new Map<string, protobuf.Type>();
  const pending = roots.map((name) => root.lookupType(name));
  for (let type = pending.pop(); type; type = pending.pop()) {
    const name = fullName(type);
    if (seen.has(name)) continue;
    seen.set(name, type);
    for (const field of type.fieldsArray) {
      const resolved = field.resolve().resolvedType;
      if (resolved instanceof protobuf.Type) pending.push(resolved);
      else if (resolved)
        throw new Error(`protobuf: ${name}.${field.name} has a type the codec does not map: ${resolved.name}`);
    }
  }
  return [...seen.values()].sort((a, b) => fullName(a).localeCompare(fullName(b)));
}

/** `k8s.io.api.core.v1.Pod`, without protobufjs's leading dot. */
export function fullName(type: protobuf.ReflectionObject): string {
  return type.fullName.replace(/^\./, '');
}

/** A descriptor holding only `types`, in protobufjs's JSON form. */
export function descriptorOf(types: readonly protobuf.Type[]): protobuf.INamespace {
  const out = new protobuf.Root();
  for (const type of types) {
    const json = type.toJSON({ keepComments: false });
    const packageName = type.parent ? fullName(type.parent) : '';
    out.define(packageName).add(protobuf.Type.fromJSON(type.name, json));
  }
  return out.toJSON({ keepComments: false });
}
