// `npm start` and `npm run dist` use Electron 45's tooling (the electron package's binary download,
// @electron/get), which needs Node.js 22.12 or newer. The tests, the CLI and the harness run on
// Node.js 20.19 too (package.json engines), so only these two commands check.
import { pathToFileURL } from 'node:url';

export const ELECTRON_TOOLING_NODE = [22, 12];

/** True when `version` ('22.12.0') is new enough for Electron's tooling. */
export function nodeIsRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > ELECTRON_TOOLING_NODE[0] || (major === ELECTRON_TOOLING_NODE[0] && minor >= ELECTRON_TOOLING_NODE[1]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && !nodeIsRecentEnough(process.versions.node)) {
  console.error(
    `Electron 45 のツール (起動・インストーラー作成) には Node.js ${ELECTRON_TOOLING_NODE.join('.')} 以上が必要です (今は ${process.versions.node})。テストと CLI は Node.js 20.19 でも動きます。`,
  );
  process.exit(1);
}
