import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { StatusError } from './status.ts';

let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on the first body that is YAML and not JSON: importing it takes
 * about 30 ms of CPU, which `import 'kubeconflict/testing'` and a server that only sees JSON
 * (what client-go, kubectl and client-node send) should not pay. It is an optional peer
 * dependency, so a project without it gets a 415 that says how to add it.
 */
export function yaml(): typeof Yaml {
  loaded ??= load();
  return loaded;
}

function load(): typeof Yaml {
  try {
    return createRequire(import.meta.url)('yaml') as typeof Yaml;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new StatusError(415, yamlMissingMessage, 'UnsupportedMediaType');
  }
}

export const yamlMissingMessage =
  'the embedded server reads YAML bodies that are not JSON with the "yaml" package, which is not installed: ' +
  'run `npm install --save-dev yaml`, or send the body as JSON (valid YAML too)';
