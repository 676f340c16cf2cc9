// CI step: `npm audit --omit=dev --audit-level=high` over the packages the installed app ships.
// Fails (exit 1) when a production dependency has a high or critical advisory. When the registry's
// audit endpoint cannot be reached (offline build machines, proxies that refuse its POST) npm
// audit fails in the same way, so this script reads its JSON report to tell the two apart: an
// unreachable endpoint is said plainly and does not fail CI, unless AUDIT_REQUIRED=1 (a release
// build, which must not ship unaudited).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const BLOCKING = ['high', 'critical'];

/**
 * What npm audit's JSON report means. Returns { status: 'ok' | 'vulnerable' | 'unreachable', lines }.
 * @param {string} jsonText stdout of `npm audit --json`
 */
export function decide(jsonText) {
  let report;
  try {
    report = JSON.parse(jsonText);
  } catch {
    return { status: 'unreachable', lines: ['npm audit の結果を読み取れませんでした (JSON ではない出力)。'] };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (report?.error || typeof counts !== 'object' || counts === null) {
    const why = report?.message || report?.error?.summary || (report?.statusCode ? `HTTP ${report.statusCode}` : '');
    return {
      status: 'unreachable',
      lines: [
        `npm audit: レジストリの脆弱性データベースに接続できませんでした${why ? ` (${why})` : ''}。`,
        'この実行では本番依存の脆弱性を確認していません。ネットワークに出られる環境で npm audit --omit=dev を実行してください。',
      ],
    };
  }
  const blocking = Object.values(report.vulnerabilities ?? {})
    .filter((v) => BLOCKING.includes(v.severity))
    .map((v) => `  ${v.name} (${v.severity})${v.fixAvailable ? ' — 修正版あり: npm audit fix' : ''}`);
  const high = BLOCKING.reduce((n, s) => n + (Number(counts[s]) || 0), 0);
  if (high > 0) {
    return { status: 'vulnerable', lines: [`npm audit: 本番依存に high 以上の脆弱性が ${high} 件あります。`, ...blocking] };
  }
  return {
    status: 'ok',
    lines: [`npm audit: 本番依存に high 以上の脆弱性はありません (low ${counts.low ?? 0}、moderate ${counts.moderate ?? 0})。`],
  };
}

function main() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
  const { status, lines } = decide(r.stdout ?? '');
  for (const l of lines) (status === 'ok' ? console.log : console.error)(l);
  if (status === 'vulnerable') process.exit(1);
  if (status === 'unreachable' && process.env.AUDIT_REQUIRED === '1') {
    console.error('AUDIT_REQUIRED=1 のため、確認できないまま続けずに中止します。');
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
