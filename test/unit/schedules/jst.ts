/** Test helper: epoch ms of a JST wall time written '2026-11-30T07:30' (parsed with an explicit offset). */
export const jst = (local: string): number => {
  const ms = Date.parse(`${local}+09:00`);
  if (Number.isNaN(ms)) throw new Error(`bad JST time ${local}`);
  return ms;
};

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;
