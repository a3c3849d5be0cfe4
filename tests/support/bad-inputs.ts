import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

/**
 * The bad-input corpus of issue 6, made at test time from the seed transcripts: every kind of file a
 * folder of transcripts "in whatever state" may hold, each with what forumkg must do with it.
 */

export interface BadInput {
  /** What it is (test titles). */
  what: string;
  /** The path as forumkg reports it. */
  path: string;
  outcome: 'processed' | 'rejected';
  /** For a rejection: what the reason must say. */
  reason?: RegExp;
}

export interface BadInputCorpus {
  /** The folder to build. */
  dir: string;
  /** Further paths to give on the command line (a path that does not exist). */
  extraArgs: string[];
  inputs: BadInput[];
  /** Names of the small files in many/. */
  manyFiles: string[];
  /**
   * Whether the file without read permission really cannot be read by the user the build runs as
   * (root reads it anyway; see `buildUser`).
   */
  unreadableProven: boolean;
}

/** A user to run the build as, and whether it can: root ignores file permissions, so the test drops to nobody. */
export interface BuildUser {
  uid?: number;
  gid?: number;
  /** Why the permission case cannot be proven, when it cannot. */
  unprovable?: string;
}

const NOBODY = 65534;

/** Picks the user the build runs as: the current one, or nobody when we are root and nobody can run the code. */
export function buildUser(root: string): BuildUser {
  if (process.getuid?.() !== 0) return {};
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(root, 'node_modules', 'tsx', 'package.json'))})`], { uid: NOBODY, gid: NOBODY });
  if (probe.status === 0) return { uid: NOBODY, gid: NOBODY };
  return { unprovable: `running as root and user nobody cannot read ${root}, so a file without read permission is still readable` };
}

/** Whether `user` fails to read `file` (checked for real, in a child process running as that user). */
function cannotRead(file: string, user: BuildUser): boolean {
  const result = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(file)})`], { uid: user.uid, gid: user.gid });
  return result.status !== 0;
}

/** Keeps the characters GBK can encode, so the GBK file and the UTF-8 reference hold the same text. */
export function gbkSafe(text: string): string {
  let out = '';
  for (const ch of text) if (ch === '\n' || iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') === ch) out += ch;
  return out;
}

function bom(bytes: number[], body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(bytes), body]);
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = a;
  }
  return le;
}

/** A real PNG (1×1 pixel), as a slide screenshot saved with the wrong name would be. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const ORGS = ['中国移动', '中国电信', '华为', '商汤科技', '百度', '科大讯飞', '阿里云', '中国联通', '上海人工智能实验室', '清华大学'];
const PEOPLE = ['高同庆', '刘烈宏', '徐立', '王海峰', '刘庆峰', '张勇', '李强', '陈刚', '赵明', '周鸿祎'];
const TITLES = ['副总经理', '董事长', '首席执行官', '首席科学家', '总裁'];

export interface CorpusOptions {
  seeds: string;
  /** Size of the one-line file in bytes (issue 6: 50 MB). */
  hugeLineBytes?: number;
  /** Number of small files (issue 6: 1,000). */
  manyCount?: number;
  user?: BuildUser;
}

/** Writes the corpus into `root` (an empty temporary folder) and says what forumkg must do with each file. */
export function makeBadInputCorpus(root: string, options: CorpusOptions): BadInputCorpus {
  const user = options.user ?? {};
  const dir = path.join(root, 'corpus');
  mkdirSync(dir, { recursive: true });
  chmodSync(root, 0o755);
  const at = (name: string) => path.join(dir, name);
  const inputs: BadInput[] = [];
  const processed = (what: string, name: string) => inputs.push({ what, path: at(name), outcome: 'processed' });
  const rejected = (what: string, name: string, reason: RegExp) => inputs.push({ what, path: at(name), outcome: 'rejected', reason });

  const seedLines = (file: string, n: number) => readFileSync(path.join(options.seeds, file), 'utf8').split('\n').slice(0, n);
  const reference = gbkSafe(seedLines('000_fd0956bc4824aa51.txt', 250).join('\n')) + '\n';
  writeFileSync(at('reference.txt'), reference);
  processed('UTF-8 reference transcript', 'reference.txt');
  writeFileSync(at('gbk.txt'), iconv.encode(reference, 'gbk'));
  processed('Chinese in GBK', 'gbk.txt');
  writeFileSync(at('utf16le-bom.txt'), bom([0xff, 0xfe], Buffer.from(reference, 'utf16le')));
  processed('UTF-16 little-endian with BOM', 'utf16le-bom.txt');
  writeFileSync(at('utf16be-bom.txt'), bom([0xfe, 0xff], utf16be(reference)));
  processed('UTF-16 big-endian with BOM', 'utf16be-bom.txt');
  writeFileSync(at('utf8-bom-crlf.txt'), bom([0xef, 0xbb, 0xbf], Buffer.from(reference.replace(/\n/g, '\r\n'))));
  processed('UTF-8 with BOM and CRLF line ends', 'utf8-bom-crlf.txt');

  const [heading, ...body] = reference.split('\n');
  writeFileSync(at('one-line.txt'), `${heading}\n${body.join('')}\n`);
  processed('a whole talk on one line', 'one-line.txt');

  const simplified002 = seedLines('002_006024088c0cb5f1.txt', 250).join('\n') + '\n';
  writeFileSync(at('simplified-002.txt'), simplified002);
  processed('simplified reference of the traditional file', 'simplified-002.txt');
  writeFileSync(at('traditional.txt'), OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified002));
  processed('traditional Chinese', 'traditional.txt');

  writeFileSync(at('page.txt'), [
    '<!DOCTYPE html>',
    '<html lang="zh"><head><meta charset="utf-8"><title>论坛实录</title>',
    '<style>',
    '  body { font-family: "阿里巴巴普惠体"; }',
    '</style>',
    '<script>',
    '  var sponsor = "阿里巴巴";',
    '  document.title = "<p>腾讯</p>";',
    '</script>',
    '</head><body>',
    ...body.slice(0, 120).map((l) => `<p class="line">${l}</p>`),
    '<!-- 百度 -->',
    '</body></html>',
  ].join('\n'));
  processed('an HTML page saved as .txt', 'page.txt');

  writeFileSync(at('empty.txt'), '');
  rejected('an empty file', 'empty.txt', /empty/);
  writeFileSync(at('blank.md'), ' \n\t\r\n\u3000\n');
  rejected('whitespace only', 'blank.md', /empty/);
  writeFileSync(at('slide.txt'), PNG);
  rejected('binary bytes (a PNG)', 'slide.txt', /binary file \(PNG image\)/);

  const chunk = Buffer.from(body.join(''));
  const copies = Math.max(1, Math.floor((options.hugeLineBytes ?? 50 * 1024 * 1024) / chunk.length));
  writeFileSync(at('huge-line.txt'), Buffer.alloc(copies * chunk.length, chunk));
  rejected('one line of 50 MB', 'huge-line.txt', /line 1 has [\d,]+ characters without a line break/);

  const many = path.join(dir, 'many');
  mkdirSync(many);
  const manyFiles: string[] = [];
  for (let i = 0; i < (options.manyCount ?? 1000); i++) {
    const name = `talk-${String(i).padStart(4, '0')}.txt`;
    const org = ORGS[i % ORGS.length]!;
    const person = PEOPLE[Math.floor(i / ORGS.length) % PEOPLE.length]!;
    writeFileSync(path.join(many, name), `# P${i}：20240705-分论坛${i} - 上传者 - BV${i}\n\n下面有请${org}${TITLES[i % TITLES.length]}${person}先生致辞。\n谢谢${person}。\n`);
    manyFiles.push(name);
  }

  writeFileSync(at('locked.txt'), reference);
  chmodSync(at('locked.txt'), 0o000);
  const unreadableProven = cannotRead(at('locked.txt'), user);
  if (unreadableProven) rejected('a file without read permission', 'locked.txt', /permission denied/);
  else processed('a file without read permission (readable anyway: we are root)', 'locked.txt');

  symlinkSync('loop-b.txt', at('loop-a.txt'));
  symlinkSync('loop-a.txt', at('loop-b.txt'));
  rejected('a symbolic link loop', 'loop-a.txt', /symbolic link loop/);
  rejected('a symbolic link loop (other end)', 'loop-b.txt', /symbolic link loop/);
  mkdirSync(at('sub'));
  symlinkSync('..', path.join(at('sub'), 'back'));
  writeFileSync(path.join(at('sub'), 'reference.txt'), simplified002);
  rejected('a second file with the same name in another folder', path.join('sub', 'reference.txt'), /another input \(.*reference\.txt\) is also named reference\.txt/);

  const fifo = spawnSync('mkfifo', [at('pipe.txt')]);
  if (fifo.status === 0) rejected('a named pipe called .txt', 'pipe.txt', /named pipe/);

  const missing = path.join(root, 'missing.txt');
  inputs.push({ what: 'a path that does not exist', path: missing, outcome: 'rejected', reason: /does not exist/ });

  return { dir, extraArgs: [missing], inputs, manyFiles, unreadableProven };
}
