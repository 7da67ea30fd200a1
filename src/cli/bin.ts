/** The `egm` executable (package `bin`): see ./egm.ts. */
import { main } from './egm.js';

process.exitCode = main(process.argv.slice(2));
