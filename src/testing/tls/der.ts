// The few DER (ITU-T X.690) encodings an X.509 certificate needs. Each function returns
// one complete element: tag, length, contents.

const tag = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  objectIdentifier: 0x06,
  utf8String: 0x0c,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** An element with `tagByte` around `contents`; lengths use the short form below 128 (X.690 8.1.3). */
export function element(tagByte: number, contents: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.of(tagByte), length(contents.length), contents]);
}

function length(n: number): Uint8Array {
  if (n < 0x80) return Buffer.of(n);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.of(0x80 | bytes.length, ...bytes);
}

export function sequence(...items: Uint8Array[]): Uint8Array {
  return element(tag.sequence, Buffer.concat(items));
}

/** A SET OF; DER orders its members by their encodings (X.690 11.6). */
export function set(...items: Uint8Array[]): Uint8Array {
  return element(tag.set, Buffer.concat([...items].sort((a, b) => Buffer.compare(a, b))));
}

/** A context-specific constructed tag around an element: `[n] EXPLICIT`. */
export function explicit(n: number, inner: Uint8Array): Uint8Array {
  return element(0xa0 | n, inner);
}

/** A context-specific primitive tag replacing a primitive's own: `[n] IMPLICIT`. */
export function implicit(n: number, contents: Uint8Array): Uint8Array {
  return element(0x80 | n, contents);
}

export function boolean(value: boolean): Uint8Array {
  return element(tag.boolean, Buffer.of(value ? 0xff : 0x00));
}

/** A non-negative INTEGER from big-endian bytes, minimally encoded (X.690 8.3.2). */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const digits = bytes.subarray(start);
  const needsSignByte = digits.length === 0 || (digits[0] ?? 0) >= 0x80;
  return element(tag.integer, needsSignByte ? Buffer.concat([Buffer.of(0), digits]) : digits);
}

export function smallInteger(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`not a small integer: ${value}`);
  return unsignedInteger(Buffer.of(value >> 8, value & 0xff));
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. `2.5.4.3` (X.690 8.19). */
export function objectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) {
    throw new RangeError(`not an object identifier: ${dotted}`);
  }
  const bytes = [first * 40 + second, ...rest].flatMap(base128);
  return element(tag.objectIdentifier, Buffer.from(bytes));
}

function base128(arc: number): number[] {
  const bytes = [arc % 128];
  for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) bytes.unshift(0x80 | (rest % 128));
  return bytes;
}

export function utf8String(value: string): Uint8Array {
  return element(tag.utf8String, Buffer.from(value, 'utf8'));
}

export function octetString(bytes: Uint8Array): Uint8Array {
  return element(tag.octetString, bytes);
}

/** A BIT STRING of whole bytes (a signature, a key). */
export function bitString(bytes: Uint8Array): Uint8Array {
  return element(tag.bitString, Buffer.concat([Buffer.of(0), bytes]));
}

/**
 * A named-bit BIT STRING of one byte (bit 0 is the most significant): DER drops trailing
 * zero bits and counts them in the leading octet (X.690 11.2.2).
 */
export function namedBits(byte: number): Uint8Array {
  if (byte === 0) return element(tag.bitString, Buffer.of(0));
  let unused = 0;
  while (((byte >> unused) & 1) === 0) unused++;
  return element(tag.bitString, Buffer.of(unused, byte));
}

/** UTCTime before 2050, GeneralizedTime from then on, both in whole seconds (RFC 5280 4.1.2.5). */
export function time(date: Date): Uint8Array {
  const digits = date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:T]/g, '');
  const year = date.getUTCFullYear();
  if (year < 1950 || year > 9999) throw new RangeError(`a certificate time must fall in 1950..9999; got ${year}`);
  return year < 2050
    ? element(tag.utcTime, Buffer.from(digits.slice(2), 'ascii'))
    : element(tag.generalizedTime, Buffer.from(digits, 'ascii'));
}
