import { createRequire } from 'node:module';
import type protobuf from 'protobufjs';

let loaded: typeof protobuf | undefined;

/**
 * protobufjs, loaded on first use: importing it takes tens of milliseconds, which a test
 * server that never sees a protobuf body should not pay at start.
 */
export function protobufjs(): typeof protobuf {
  loaded ??= createRequire(import.meta.url)('protobufjs') as typeof protobuf;
  return loaded;
}
