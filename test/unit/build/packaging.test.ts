/**
 * What goes into the installed app (security item 8). The Electron binary cannot be downloaded here,
 * so `electron-builder` itself does not run; instead its own file matcher (app-builder-lib's
 * FileMatcher, fed the way it feeds node_modules: "**" plus the `files` exclusions) decides every file
 * of every production package, and the oracle is computed independently from package-lock.json, the
 * packages' own sources and the main bundle's external list.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const req = createRequire(__filename);
const yaml = req('js-yaml') as { load(text: string): unknown };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string>; optional?: boolean }> };
const builder = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[] };

const BUILTINS = new Set(req('node:module').builtinModules as string[]);
const isBuiltin = (name: string) => name.startsWith('node:') || BUILTINS.has(name);
/** 'react-dom/client' → 'react-dom', '@hookform/resolvers/zod' → '@hookform/resolvers' */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

function filesUnder(dir: string, skip: (rel: string) => boolean = () => false, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const rel = relative(base, full);
    if (skip(rel)) continue;
    const st = lstatSync(full);
    if (st.isDirectory()) out.push(...filesUnder(full, skip, base));
    else out.push(full);
  }
  return out;
}

/** Bare package names a source tree imports (static, dynamic, require). */
function importsOf(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of filesUnder(join(ROOT, dir)).filter((f) => /\.(ts|tsx|mts)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'([^'./][^']*)'/gm)) {
      if (!isBuiltin(m[1]!)) names.add(packageOf(m[1]!));
    }
  }
  return names;
}

/** The externals of the main-process bundle, as vite.electron.config.mts lists them. */
function bundleExternals(): string[] {
  const text = readFileSync(join(ROOT, 'vite.electron.config.mts'), 'utf8');
  const list = /external:\s*\[([^\]]*)\]/.exec(text)![1]!;
  return [...new Set([...list.matchAll(/'([^']+)'/g)].map((m) => packageOf(m[1]!)))].filter((n) => n !== 'electron' && !isBuiltin(n));
}

/** Dependencies a package's own JavaScript requires (not the ones only its install script uses). */
function runtimeDependencies(name: string): string[] {
  const dir = join(ROOT, 'node_modules', name);
  const declared = Object.keys((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
  const sources = filesUnder(dir, (rel) => /^(node_modules|deps|src|test|tests|build)($|\/)/.test(rel.split(sep).join('/'))).filter((f) => /\.(c?js|mjs)$/.test(f));
  const text = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
  return declared.filter((d) => new RegExp(`(require\\(|from\\s+|import\\()\\s*['"]${d.replace(/[/.]/g, '\\$&')}(['"/])`).test(text));
}

function closure(roots: string[], next: (name: string) => string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    todo.push(...next(n));
  }
  return seen;
}

/** electron-builder's node_modules filter: "**" plus the `files` exclusions (getNodeModuleFileMatcher). */
function packagedFilter(): (relPath: string, isDir: boolean) => boolean {
  const patterns = ['**/*', ...builder.files.filter((p) => p.startsWith('!'))];
  const filter = new FileMatcher(ROOT, '/app', (p) => p, patterns).createFilter();
  return (relPath, isDir) => {
    const st = statSync(join(ROOT, relPath)) as ReturnType<typeof statSync> & { moduleFullFilePath?: string };
    st.moduleFullFilePath = relPath;
    expect(st.isDirectory()).toBe(isDir);
    return filter(join(ROOT, relPath), st as never);
  };
}

let filter: ReturnType<typeof packagedFilter> | null = null;

/** A file is packaged when it and every folder above it (inside node_modules) pass the filter. */
function isPackaged(relFile: string): boolean {
  const f = (filter ??= packagedFilter());
  const parts = relFile.split('/');
  for (let i = 2; i < parts.length; i++) if (!f(parts.slice(0, i).join('/'), true)) return false;
  return f(relFile, false);
}

const production = Object.entries(lock.packages)
  .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && existsSync(join(ROOT, path)))
  .map(([path]) => path.slice('node_modules/'.length))
  .filter((name) => !name.includes('/node_modules/'));

describe('dependencies', () => {
  it('libraries only the renderer imports are devDependencies (vite bundles them)', () => {
    const renderer = importsOf('src-renderer');
    const main = new Set([...importsOf('src-main'), ...importsOf('src-shared')]);
    const rendererOnly = [...renderer].filter((n) => !main.has(n));
    expect(rendererOnly).toEqual(expect.arrayContaining(['react', 'react-dom', '@tanstack/react-query', 'zustand']));
    for (const name of rendererOnly) {
      expect(pkg.dependencies[name], `${name} belongs in devDependencies`).toBeUndefined();
      expect(pkg.devDependencies[name], `${name} must stay installable for the renderer build`).toBeDefined();
    }
  });

  it('everything the main-process code imports is a dependency (electron is provided by the runtime)', () => {
    for (const name of [...importsOf('src-main/core'), ...importsOf('src-main/shell'), ...importsOf('src-main/preload'), ...importsOf('src-shared')]) {
      if (name === 'electron') continue;
      expect(pkg.dependencies[name], name).toBeDefined();
    }
  });
});

describe('packaged node_modules (electron-builder.yml files)', () => {
  const runtime = closure(bundleExternals(), runtimeDependencies);
  // the 請求書 PDF: PDFKit, its fontkit tree and the font package
  const pdf = ['@expo-google-fonts/biz-udpgothic', '@noble/ciphers', '@noble/hashes', '@swc/helpers', 'base64-js', 'brotli', 'clone', 'dfa', 'fast-deep-equal', 'fflate', 'fontkit', 'linebreak', 'pako', 'pdfkit', 'png-js', 'restructure', 'tiny-inflate', 'unicode-properties', 'unicode-trie'];

  it('the main bundle’s externals and their run-time dependencies are packaged, with their code', () => {
    expect([...runtime].sort()).toEqual(['better-sqlite3', 'bindings', 'electron-log', 'file-uri-to-path', ...pdf].sort());
    for (const name of runtime) {
      expect(pkg.dependencies[name] ?? production.includes(name), name).toBeTruthy();
      // the file require('name') loads (package.json main or exports)
      const entry = relative(ROOT, req.resolve(name, { paths: [ROOT] })).split(sep).join('/');
      expect(isPackaged(`node_modules/${name}/package.json`), `${name}/package.json`).toBe(true);
      expect(isPackaged(entry), entry).toBe(true);
    }
    for (const file of ['lib/index.js', 'lib/database.js', 'build/Release/better_sqlite3.node', 'LICENSE']) {
      expect(isPackaged(`node_modules/better-sqlite3/${file}`), file).toBe(true);
    }
    expect(isPackaged('node_modules/electron-log/src/main/index.js')).toBe(true);
    // what the 請求書 PDF reads: PDFKit's Node build and the standard font it opens every document with, the TTF files
    for (const file of ['pdfkit/js/pdfkit.js', 'pdfkit/js/standard-fonts/Helvetica.cjs', 'fontkit/dist/main.cjs', '@swc/helpers/cjs/_define_property.cjs']) {
      expect(isPackaged(`node_modules/${file}`), file).toBe(true);
    }
    for (const file of ['400Regular/BIZUDPGothic_400Regular.ttf', '700Bold/BIZUDPGothic_700Bold.ttf', 'LICENSE_FONT']) {
      expect(isPackaged(`node_modules/@expo-google-fonts/biz-udpgothic/${file}`), file).toBe(true);
    }
  });

  it('a copy of only the packaged PDF files makes a Japanese PDF on its own (as statement-pdf.ts loads them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcart-packaged-pdf-'));
    try {
      let copied = 0;
      for (const name of pdf) {
        for (const file of filesUnder(join(ROOT, 'node_modules', name))) {
          const rel = relative(ROOT, file).split(sep).join('/');
          if (!isPackaged(rel)) continue;
          mkdirSync(dirname(join(dir, rel)), { recursive: true });
          copyFileSync(file, join(dir, rel));
          copied++;
        }
      }
      expect(copied).toBeGreaterThan(20);
      // what renderStatementsPdf does: PDFKit and the TTF files resolved from node_modules at run time
      writeFileSync(
        join(dir, 'make.cjs'),
        `const { createRequire } = require('node:module');
const fs = require('node:fs');
const req = createRequire(__filename);
const PDFDocument = req('pdfkit');
const doc = new PDFDocument({ size: 'A4', font: null });
doc.registerFont('regular', fs.readFileSync(req.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf')));
doc.registerFont('bold', fs.readFileSync(req.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf')));
doc.font('bold').text('請求書 登録番号 T9234567890123');
doc.font('regular').text('8%対象(※軽減税率) ¥5,400');
const chunks = [];
doc.on('data', (c) => chunks.push(c));
doc.on('end', () => fs.writeFileSync(process.argv[2], Buffer.concat(chunks)));
doc.end();
`,
      );
      const out = join(dir, 'out.pdf');
      execFileSync(process.execPath, [join(dir, 'make.cjs'), out], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
      expect(text).toContain('請求書 登録番号 T9234567890123');
      expect(text).toContain('8%対象(※軽減税率) ¥5,400');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PDFKit’s browser builds and the font’s preview pictures are left out', () => {
    for (const file of ['pdfkit/js/pdfkit.browser.js', 'pdfkit/js/pdfkit.standalone.js', 'pdfkit/js/pdfkit.node.mjs', 'pdfkit/js/standard-fonts/Helvetica.mjs', 'pdfkit/README.md', '@expo-google-fonts/biz-udpgothic/font-family.png']) {
      expect(isPackaged(`node_modules/${file}`), file).toBe(false);
    }
  });

  it('install-only packages (better-sqlite3’s prebuild-install tree) are left out', () => {
    const installOnly = [...closure(['prebuild-install'], (n) => Object.keys(lock.packages[`node_modules/${n}`]?.dependencies ?? {}))].filter((n) => !runtime.has(n));
    expect(installOnly.length).toBeGreaterThan(10);
    for (const name of installOnly) expect(isPackaged(`node_modules/${name}/package.json`), name).toBe(false);
  });

  it('every other production package is inside the bundle and left out too', () => {
    const others = production.filter((n) => !runtime.has(n));
    expect(others).toEqual(expect.arrayContaining(['zod', 'drizzle-orm', 'decimal.js', 'prebuild-install']));
    for (const name of others) expect(isPackaged(`node_modules/${name}/package.json`), name).toBe(false);
  });

  it('better-sqlite3 ships its binary, not its C sources or build leftovers', () => {
    for (const file of ['deps/sqlite3/sqlite3.c', 'src/better_sqlite3.cpp', 'build/Release/test_extension.node', 'build/Makefile']) {
      if (!existsSync(join(ROOT, 'node_modules/better-sqlite3', file))) continue;
      expect(isPackaged(`node_modules/better-sqlite3/${file}`), file).toBe(false);
    }
    expect(isPackaged('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });
});
