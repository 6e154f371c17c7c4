// managedFields entries in a JSON text put in one order, as normalize-case.ts orders them
// in parsed bodies: both servers sort them by time, to the second, so two writes within
// a second may come in either order. Works on the text, so that each entry's own bytes
// are still compared.

/** `text` with the entries of every managedFields array sorted by operation, then manager. */
export function sortManagedFieldsInText(text: string): string {
  const marker = '"managedFields":[';
  let out = '';
  let from = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, from)) {
    const open = at + marker.length;
    const { entries, close } = topLevelEntries(text, open);
    out += text.slice(from, open) + entries.sort(byOperationThenManager).join(',');
    from = close;
  }
  return out + text.slice(from);
}

/** The top-level items of the array whose contents start at `start`, and where it closes. */
function topLevelEntries(text: string, start: number): { entries: string[]; close: number } {
  const entries: string[] = [];
  let depth = 0;
  let inString = false;
  let itemStart = start;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || (c === ']' && depth > 0)) depth--;
    else if (c === ',' && depth === 0) {
      entries.push(text.slice(itemStart, i));
      itemStart = i + 1;
    } else if (c === ']') {
      if (i > itemStart) entries.push(text.slice(itemStart, i));
      return { entries, close: i };
    }
  }
  return { entries, close: text.length };
}

function byOperationThenManager(a: string, b: string): number {
  const key = (entry: string) => {
    const operation = /"operation":"([^"]*)"/.exec(entry)?.[1] ?? '';
    const manager = /"manager":"([^"]*)"/.exec(entry)?.[1] ?? '';
    return `${operation}\u0000${manager}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
