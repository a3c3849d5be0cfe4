import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, type Extractor } from '../extract/index.js';
import { extractFile } from './extract-file.js';
import { loadLexicon } from './lexicon.js';
import { JobSchema, WorkerSetupSchema, type Job, type WorkerMessage } from './messages.js';

/**
 * An extraction worker: builds its own lexicon and segmenter once, then reads and extracts the
 * transcripts it is sent, one at a time (so it holds one document's text at most), and sends back
 * each extraction as plain data.
 */
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);
const setup = WorkerSetupSchema.parse(workerData);

let extractor: Extractor;
try {
  extractor = createExtractor(loadLexicon(setup.lexiconFiles));
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'fatal', message: (error as Error).message });
  process.exit(1);
}

const queue: Job[] = [];
let busy = false;
async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) send({ type: 'outcome', outcome: await extractFile(job, extractor, setup.maxFileBytes) });
  busy = false;
}

port.on('message', (message: unknown) => {
  queue.push(JobSchema.parse(message));
  void pump();
});
