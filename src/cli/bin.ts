#!/usr/bin/env node
import { main } from './main.js';

// `forumkg query … | head`: a closed pipe ends the output, not in a stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
