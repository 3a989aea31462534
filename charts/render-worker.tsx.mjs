// The chart worker under tsx (dev, tests, `npm run bench`): a worker thread does not inherit the parent's tsx hooks
// on Node 20, so this plain-JS entry registers them inside the worker and re-exports the TypeScript worker. The
// compiled build (dist/) loads render-worker.js directly and never uses this file.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./render-worker.ts');

export default worker.default;
