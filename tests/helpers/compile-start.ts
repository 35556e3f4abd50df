import { compileForStart } from '../../bench/server-process.js';

/** The end-to-end tests start the server as `npm start` does, from dist/: compiled once, before they run. */
export default function setup(): void {
  compileForStart();
}
