// Imported first by the CLI: ES modules are evaluated in import order, so an unsupported
// Node.js exits here with one line before the commands' modules (undici among them) run.
import { unsupportedNodeMessage } from '../supported-node.ts';

const unsupported = unsupportedNodeMessage(process.version);
if (unsupported !== undefined) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(1);
}
