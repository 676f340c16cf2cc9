/**
 * Comments and docs cite only documents inside the repository (docs/architecture.md, "Feature
 * folders"): every `docs/<file>.md#anchor` named in the code exists with that heading, every link
 * in docs/ and the README resolves, and nothing cites the outside documents the first release
 * leaned on (requirements §N, seed 00N, bare tax-rules.md …, issue N). The checker is run on
 * planted mistakes first, so a checker that finds nothing cannot pass by accident.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const THIS_FILE = relative(ROOT, __filename).split('\\').join('/');
const CODE_TREES = ['src-main', 'src-renderer', 'src-shared', 'test', 'bench', 'scripts'];
const ROOT_FILES = ['eslint.config.mjs', 'electron-builder.yml', 'vite.config.mts', 'vite.electron.config.mts', 'vitest.config.mts', 'drizzle.config.ts'];
const CODE_EXT = /\.(ts|tsx|mts|mjs|cjs|js|yml|css|html)$/;

/** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen; repeats get -1, -2 … */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

type Problem = string;

/** Citations of docs/ inside a code file's text: `docs/x.md` or `docs/x.md#anchor`. */
function checkCodeCitations(text: string, where: string, docAnchors: (file: string) => Set<string> | null): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(/\bdocs\/([\w.-]+\.md)(#[\p{L}\p{M}\p{N}\p{Pc}-]+)?/gu)) {
    const anchors = docAnchors(m[1]!);
    if (anchors === null) problems.push(`${where}: cites docs/${m[1]} which does not exist`);
    else if (m[2] && !anchors.has(m[2].slice(1))) problems.push(`${where}: docs/${m[1]} has no heading for ${m[2]}`);
  }
  return problems;
}

/** Citations of documents that are not in the repository. */
const OUTSIDE: [RegExp, string][] = [
  [/requirements(\.md)?\s*§/i, 'requirements §N'],
  [/\bthe requirements\b/i, '"the requirements"'],
  [/\bseed 0\d\d\b/i, 'seed 00N'],
  [/(?<!docs\/)\b(tax-rules|reliability|architecture|bcart-api|toolchain|domain|aesthetics)\.md\b/, 'a .md outside docs/'],
  [/\b(issue|design brief) \(?\d+/i, 'an issue number'],
];

function checkOutsideCitations(text: string, where: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [re, what] of OUTSIDE) if (re.test(line)) problems.push(`${where}:${i + 1}: cites ${what}: ${line.trim()}`);
    // § numbers are only for public standards (RFC 8252 §7.3); ours are anchors
    if (line.includes('§') && !/\bRFC \d+/.test(line)) problems.push(`${where}:${i + 1}: cites a § section outside an RFC: ${line.trim()}`);
  });
  return problems;
}

/** Relative links of a markdown file ([text](path#anchor)), resolved against its folder. */
function checkMarkdownLinks(text: string, fileDir: string, where: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? null : join(fileDir, path);
    if (file !== null && !existsSync(file)) {
      problems.push(`${where}: link to ${target}: no such file`);
      continue;
    }
    if (anchor === undefined) continue;
    const md = file === null ? text : file.endsWith('.md') ? readFileSync(file, 'utf8') : null;
    if (md !== null && !anchorsOf(md).has(anchor)) problems.push(`${where}: link to ${target}: no such heading`);
  }
  return problems;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (CODE_EXT.test(name)) out.push(p);
  }
  return out;
}

const DOCS = join(ROOT, 'docs');
const docCache = new Map<string, Set<string> | null>();
function docAnchors(file: string): Set<string> | null {
  if (!docCache.has(file)) {
    const p = join(DOCS, file);
    docCache.set(file, existsSync(p) ? anchorsOf(readFileSync(p, 'utf8')) : null);
  }
  return docCache.get(file)!;
}

describe('the checker finds planted mistakes', () => {
  it('flags outside citations, missing docs and missing anchors, and passes good ones', () => {
    const bad = [
      '// see requirements §3.1',
      '/** (Seed 004) */',
      '// tax-rules.md, NTA',
      '// bcart-api.md §1.6',
      '// (issue 3 item 5)',
      '// at the size the requirements expect',
      '// the wrapper (§5 [CONFLICT])',
    ];
    for (const line of bad) expect(checkOutsideCitations(line, 'x.ts'), line).not.toEqual([]);
    expect(checkOutsideCitations('// RFC 8252 §7.3 loopback; docs/tax-rules.md#rounding', 'x.ts')).toEqual([]);
    expect(checkCodeCitations('// docs/nope.md', 'x.ts', docAnchors)).toHaveLength(1);
    expect(checkCodeCitations('// docs/tax-rules.md#no-such-heading', 'x.ts', docAnchors)).toHaveLength(1);
    expect(checkCodeCitations('// docs/tax-rules.md#rounding, docs/glossary.md', 'x.ts', docAnchors)).toEqual([]);
    expect(checkMarkdownLinks('[a](missing.md) [b](tax-rules.md#nope) [c](#here)\n## Here', DOCS, 'x.md')).toHaveLength(2);
  });

  it('computes anchors the way GitHub does', () => {
    const a = anchorsOf('# T\n## Import: all or nothing, once\n## `src-shared/domain/` versus `src-shared/<feature>/`\n## 自社情報 — the issuer\n## Rates\n## Rates\n```\n## not a heading\n```');
    expect([...a]).toEqual(['t', 'import-all-or-nothing-once', 'src-shareddomain-versus-src-sharedfeature', '自社情報--the-issuer', 'rates', 'rates-1']);
  });
});

describe('documents cited are in the repository', () => {
  const codeFiles = [...CODE_TREES.flatMap((t) => filesUnder(join(ROOT, t))), ...ROOT_FILES.map((f) => join(ROOT, f)).filter(existsSync)].filter(
    (f) => relative(ROOT, f).split('\\').join('/') !== THIS_FILE,
  );

  it('scans the code', () => {
    expect(codeFiles.length).toBeGreaterThan(300);
  });

  it('every docs/… citation in the code names an existing file and heading', () => {
    const problems = codeFiles.flatMap((f) => checkCodeCitations(readFileSync(f, 'utf8'), relative(ROOT, f), docAnchors));
    expect(problems).toEqual([]);
  });

  it('no code cites a document outside the repository', () => {
    const problems = codeFiles.flatMap((f) => checkOutsideCitations(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(problems).toEqual([]);
  });

  it('every link in docs/ and the README resolves, anchors included', () => {
    const mds = [...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f)), join(ROOT, 'README.md')];
    expect(mds.length).toBeGreaterThanOrEqual(9);
    const problems = mds.flatMap((f) => checkMarkdownLinks(readFileSync(f, 'utf8'), join(f, '..'), relative(ROOT, f)));
    expect(problems).toEqual([]);
  });
});
