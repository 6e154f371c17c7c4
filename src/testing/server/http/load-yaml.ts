import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The yaml package, loaded on the first YAML body: importing it takes about 30 ms of CPU,
 * which `import 'kubeconflict/testing'` and a server that only sees JSON should not pay.
 */
export function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}
