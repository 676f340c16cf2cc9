// Release configuration: electron-builder.yml plus what only a release has (docs/release.md):
// - forceCodeSigning: a build that cannot be signed fails instead of shipping unsigned;
// - macOS notarization, with the App Store Connect API key from the environment;
// - the update feed written into the app (app-update.yml) for electron-updater: https only;
// - Windows: the publisher name electron-updater checks the next installer's signature against.
// Everything secret or site-specific comes from the environment; nothing is written here.
//   BCART_DESK_UPDATE_URL      https URL of the update feed (latest.yml, installers)    required
//   BCART_DESK_WIN_PUBLISHER   the certificate's subject CN (Windows releases)          required on Windows
//   WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_LINK / CSC_KEY_PASSWORD)   Windows code signing certificate
//   CSC_NAME or CSC_LINK / CSC_KEY_PASSWORD                                macOS Developer ID Application identity
//   APPLE_API_KEY / APPLE_API_KEY_ID / APPLE_API_ISSUER                    macOS notarization (required on macOS)
// `platform` is the platform building (electron-builder builds macOS on macOS, Windows usually on Windows).

/** @returns {import('app-builder-lib').Configuration} */
function releaseConfig(env = process.env, platform = process.platform) {
  const problems = [];
  const need = (name, why) => {
    const v = (env[name] ?? '').trim();
    if (!v) problems.push(`${name} (${why})`);
    return v;
  };
  const feed = need('BCART_DESK_UPDATE_URL', '自動更新の配信先 https URL');
  if (feed) {
    let url = null;
    try {
      url = new URL(feed);
    } catch {
      /* reported below */
    }
    if (!url || url.protocol !== 'https:' || url.username || url.password) {
      problems.push('BCART_DESK_UPDATE_URL は https:// で始まり、認証情報を含まない URL にしてください');
    }
  }
  const publisher = platform === 'win32' ? need('BCART_DESK_WIN_PUBLISHER', 'コード署名証明書の発行先名 (CN)') : (env.BCART_DESK_WIN_PUBLISHER ?? '').trim();
  if (platform === 'darwin') {
    need('APPLE_API_KEY', '公証用 App Store Connect API キー (.p8 のパス)');
    need('APPLE_API_KEY_ID', '公証用 API キーの ID');
    need('APPLE_API_ISSUER', '公証用 API キーの発行者 ID');
  }
  if (problems.length > 0) {
    throw new Error(`リリースビルドに必要な設定がありません (docs/release.md):\n- ${problems.join('\n- ')}`);
  }
  return {
    extends: 'electron-builder.yml',
    forceCodeSigning: true,
    publish: [{ provider: 'generic', url: feed }],
    win: {
      target: 'nsis',
      icon: 'resources/icon.png',
      signtoolOptions: {
        signingHashAlgorithms: ['sha256'],
        ...(publisher ? { publisherName: [publisher] } : {}),
      },
    },
    mac: {
      target: ['dmg', 'zip'],
      notarize: true,
    },
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      // a release is signed properly right after the fuses are flipped
      resetAdHocDarwinSignature: false,
    },
  };
}

module.exports = () => releaseConfig();
module.exports.releaseConfig = releaseConfig;
