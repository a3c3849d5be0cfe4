/**
 * Writes one of two versions of a build's outputs with forumkg's writer and kills itself with SIGKILL
 * (no cleanup, like a power cut or `kill -9`) right after the named step.
 * Usage: node --import tsx write-and-die.ts <out dir> <A|B> <step or "never">
 */
import { outputVersion } from './output-versions.js';
import { writeOutputs } from '../../src/sinks/export/write.js';

const [outDir, version, killAfter] = process.argv.slice(2) as [string, 'A' | 'B', string];
await writeOutputs(outDir, outputVersion(version), {
  onStep: (step) => {
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
