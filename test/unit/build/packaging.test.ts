/**
 * What goes into the installed app (security item 8). The Electron binary cannot be downloaded here,
 * so `electron-builder` itself does not run; instead its own file matcher (app-builder-lib's
 * FileMatcher, fed the way it feeds node_modules: "**" plus the `files` exclusions) decides every file
 * of every production package, and the oracle is computed independently from package-lock.json, the
 * packages' own sources and the main bundle's external list.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
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

/** A file is packaged when it and every folder above it (inside node_modules) pass the filter. */
function isPackaged(relFile: string): boolean {
  const f = packagedFilter();
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

  it('the main bundle’s externals and their run-time dependencies are packaged, with their code', () => {
    expect([...runtime].sort()).toEqual(['better-sqlite3', 'bindings', 'electron-log', 'file-uri-to-path']);
    for (const name of runtime) {
      expect(pkg.dependencies[name] ?? production.includes(name), name).toBeTruthy();
      const main = (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { main?: string }).main ?? 'index.js';
      const entry = main.endsWith('.js') ? main : `${main}.js`;
      expect(isPackaged(`node_modules/${name}/package.json`), `${name}/package.json`).toBe(true);
      expect(isPackaged(`node_modules/${name}/${entry.replace(/^\.\//, '')}`), `${name}/${entry}`).toBe(true);
    }
    for (const file of ['lib/index.js', 'lib/database.js', 'LICENSE']) {
      expect(isPackaged(`node_modules/better-sqlite3/${file}`), file).toBe(true);
    }
    expect(isPackaged('node_modules/electron-log/src/main/index.js')).toBe(true);
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

  it('better-sqlite3 ships its JavaScript only: not the Node build (the Electron one is an extra resource), not its C sources', () => {
    for (const file of ['deps/sqlite3/sqlite3.c', 'src/better_sqlite3.cpp', 'build/Release/better_sqlite3.node', 'build/Release/test_extension.node', 'build/Makefile']) {
      if (!existsSync(join(ROOT, 'node_modules/better-sqlite3', file))) continue;
      expect(isPackaged(`node_modules/better-sqlite3/${file}`), file).toBe(false);
    }
    expect(isPackaged('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(isPackaged('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
  });
});
