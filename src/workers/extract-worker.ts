import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, type Extractor } from '../extract/index.js';
import { extractFile } from './extract-file.js';
import { loadLexicon } from './lexicon.js';
import { JobSchema, WorkerSetupSchema, type Job, type Outcome, type WorkerMessage } from './messages.js';
import { ModelError, openModels, type ModelSession } from '../models/index.js';

/**
 * An extraction worker: builds its own lexicon and segmenter (and NER model, if asked) once, then reads and extracts the
 * transcripts it is sent, one at a time (so it holds one document's text at most), and sends back
 * each extraction as plain data.
 */
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);
const setup = WorkerSetupSchema.parse(workerData);

let extractor: Extractor;
let models: ModelSession | undefined;
try {
  extractor = createExtractor(loadLexicon(setup.lexiconFiles));
  models = setup.ner ? await openModels({ ...setup.ner, embedModel: 'none' }) : undefined;
  send({ type: 'ready', ...(models ? { models: models.info } : {}) });
} catch (error) {
  send({ type: 'fatal', message: (error as Error).message, modelError: error instanceof ModelError });
  process.exit(1);
}

const queue: Job[] = [];
let busy = false;
async function pump(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const nerBefore = models?.timings.ner ?? 0;
    let outcome: Outcome;
    try {
      outcome = await extractFile(job, extractor, setup.maxFileBytes, models && ((doc) => models!.findings(doc)));
    } catch (error) {
      // a failing model stops the build, as it does on the main thread
      send({ type: 'fatal', message: (error as Error).message, modelError: error instanceof ModelError });
      process.exit(1);
    }
    if (models && 'extraction' in outcome) outcome.nerMs = (models.timings.ner ?? 0) - nerBefore;
    send({ type: 'outcome', outcome });
  }
  busy = false;
}

port.on('message', (message: unknown) => {
  queue.push(JobSchema.parse(message));
  void pump();
});
