/** Japanese labels of the import screens: log levels and the phases of a run. */

export const LEVEL_LABELS: Record<string, string> = { info: '情報', warn: '注意', error: 'エラー' };

export const PHASE_LABELS: Record<string, string> = {
  fetching: '注文を取得中',
  watching: '出荷待ちの注文を確認中',
  mapping: '伝票を作成・検証中',
  writing: '書き込み中',
  done: '完了',
};
