import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E5_SPEC, LAC_SPEC } from '../src/models/specs.js';
import { ROOT } from './helpers.js';

/** The tiny models the project generates (tools/models/make_fixtures.py) and commits. */
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'models');

/** A models cache with the tiny fixtures installed where `npm run models` puts LAC and e5. */
export function fixtureHome(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'forumkg-models-'));
  const installs = [['tiny-lac', LAC_SPEC], ['tiny-embed', E5_SPEC]] as const;
  for (const [fixture, spec] of installs) {
    const folder = path.join(home, spec.folder);
    cpSync(path.join(FIXTURES, fixture), folder, { recursive: true });
    // the installed folders carry the versions the build looks for
    const file = path.join(folder, 'forumkg-model.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), version: spec.pypi.version }));
  }
  return home;
}
