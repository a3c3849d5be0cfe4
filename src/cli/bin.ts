#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// V8 lets its heap grow to about twice what is live before it collects again: a large build then holds
// hundreds of MB of garbage (100 MB of transcripts: peak RSS 775 MB; growing by 10%: 463–476 MB, for about
// 5% more CPU; `npm run bench`). A GC heuristic, read at each collection, so it can still be set here.
setFlagsFromString('--heap-growing-percent=10');

// `forumkg query … | head`: a closed pipe ends the output, not in a stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
