/**
 * `npm start`: compiles src/ into dist/ when a source changed (compile-for-start.mjs), then runs the
 * server (dist/cli/start.js) in this same process. As an npm `prestart` script the check cost a
 * second Node process and shell at every start (about 0.1 s).
 */
import { compileIfStale } from './compile-for-start.mjs';

await compileIfStale();
await import('../../dist/cli/start.js');
