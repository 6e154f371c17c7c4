// Imported first by the library's entry points, so an unsupported Node.js fails here, in
// one line, before any module that needs a newer one is evaluated.
import { unsupportedNodeMessage } from './supported-node.ts';

const unsupported = unsupportedNodeMessage(process.version);
if (unsupported !== undefined) throw new Error(unsupported);
