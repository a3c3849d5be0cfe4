import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs } from '../src/ingest/index.js';
import { MANIFEST, OutputError, readManifest, writeOutputs } from '../src/sinks/export/write.js';
import { ROOT } from './helpers.js';
import { outputVersion, STEPS_B } from './support/output-versions.js';

/** Issue 6, safe output: an interrupted build never leaves a half-written output, and --out never loses the user's files. */

const A = outputVersion('A');
const B = outputVersion('B');
const USER_FILES = new Map([
  ['notes.txt', 'my notes'],
  ['csv/mine.csv', 'a,b\r\n'],
  ['.forumkg-tmp-mine/keep.txt', 'a folder of mine that looks like forumkg\'s'],
  ['graph.json.bak', 'my backup'],
]);

function freshOut(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'forumkg-out-'));
  for (const [rel, content] of USER_FILES) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), content);
  }
  return out;
}

/** Every file under dir, by relative path. */
function filesUnder(dir: string, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of filesUnder(dir, rel)) found.set(k, v);
    else found.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return found;
}

function expectUserFilesIntact(out: string): void {
  for (const [rel, content] of USER_FILES) expect(readFileSync(path.join(out, rel), 'utf8'), rel).toBe(content);
}

describe('a build killed while writing its outputs', () => {
  it.each(STEPS_B)('right after "%s" leaves only whole files, the old or the new graph.json, and lets the next build through', async (step) => {
    const out = freshOut();
    await writeOutputs(out, A);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/write-and-die.ts'), out, 'B', step], { cwd: ROOT, encoding: 'utf8' });
    expect(child.signal, child.stderr).toBe('SIGKILL');

    const manifest = await readManifest(out);
    const onDisk = filesUnder(out);
    for (const [rel, content] of onDisk) {
      if (rel.startsWith('.forumkg-tmp-') && !rel.startsWith('.forumkg-tmp-mine')) continue; // the dead build's staging folder
      if (rel === MANIFEST) continue;
      if (USER_FILES.has(rel)) continue;
      expect([A.get(rel), B.get(rel)], `${rel} is whole`).toContain(content);
      expect(manifest.has(rel), `${rel} is listed as forumkg's`).toBe(true);
    }
    const graphMoved = STEPS_B.indexOf(step) >= STEPS_B.indexOf('moved graph.json');
    expect(onDisk.get('graph.json')).toBe((graphMoved ? B : A).get('graph.json'));
    expectUserFilesIntact(out);

    await writeOutputs(out, B);
    const after = filesUnder(out);
    for (const [rel, content] of B) expect(after.get(rel), rel).toBe(content);
    expect(after.has('csv/only_A.csv')).toBe(false);
    expect([...after.keys()].filter((rel) => rel.startsWith('.forumkg-tmp-') && !rel.startsWith('.forumkg-tmp-mine'))).toEqual([]);
    expect([...(await readManifest(out)).keys()].sort()).toEqual([...B.keys()].sort());
    expectUserFilesIntact(out);
  }, 60_000);
});

describe('--out and the files forumkg did not write', () => {
  it('refuses to overwrite a file it did not write, and changes nothing', async () => {
    const out = freshOut();
    writeFileSync(path.join(out, 'report.md'), 'my report');
    await expect(writeOutputs(out, A)).rejects.toThrow(/report\.md exists and was not written by forumkg/);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toBe('my report');
    expect(existsSync(path.join(out, 'graph.json'))).toBe(false);
    expect(existsSync(path.join(out, MANIFEST))).toBe(false);
  });

  it('deletes an output it no longer makes only while it is as forumkg wrote it', async () => {
    const out = freshOut();
    await writeOutputs(out, A);
    writeFileSync(path.join(out, 'csv/only_A.csv'), 'edited by hand');
    await writeOutputs(out, B);
    expect(readFileSync(path.join(out, 'csv/only_A.csv'), 'utf8')).toBe('edited by hand');
    expect((await readManifest(out)).has('csv/only_A.csv')).toBe(false);
    // from now on that file is the user's: a build that would write it stops instead
    await expect(writeOutputs(out, A)).rejects.toBeInstanceOf(OutputError);
    expect(readFileSync(path.join(out, 'csv/only_A.csv'), 'utf8')).toBe('edited by hand');
    expectUserFilesIntact(out);
  });

  it('honours a manifest without hashes (older builds): overwrites its files, deletes none', async () => {
    const out = freshOut();
    for (const [rel, content] of A) {
      mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
      writeFileSync(path.join(out, rel), content);
    }
    writeFileSync(path.join(out, MANIFEST), JSON.stringify({ tool: 'forumkg', files: [...A.keys()] }));
    await writeOutputs(out, B);
    expect(readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe(B.get('graph.json'));
    expect(readFileSync(path.join(out, 'csv/only_A.csv'), 'utf8')).toBe(A.get('csv/only_A.csv'));
  });

  it('refuses an --out that is a file, and a manifest it cannot read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-out-'));
    writeFileSync(path.join(dir, 'file'), 'x');
    await expect(writeOutputs(path.join(dir, 'file'), A)).rejects.toThrow(/is not a folder/);
    writeFileSync(path.join(dir, MANIFEST), '{"files": 3}');
    await expect(writeOutputs(dir, A)).rejects.toThrow(/not a forumkg manifest/);
    expect(readFileSync(path.join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('does not read its own report.md as a transcript when --out is an input folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'forumkg-in-out-'));
    writeFileSync(path.join(dir, 'talk.md'), '# 标题\n中国电信\n');
    await writeOutputs(dir, A);
    expect((await discoverInputs([dir])).files).toEqual([path.join(dir, 'talk.md')]);
  });
});
