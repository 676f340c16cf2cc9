/** The 商品 CSV of the benches: the CSV import bench, its profile driver and the 商品 list bench. */

/** UTF-8 with a BOM, quoted names with ',' and characters CP932 has */
export function productCsv(n: number): Buffer {
  const lines = ['商品コード,枝番(横),枝番(縦),SKUコード,商品名,計上単位,棚卸対象,税区分コード,単価,JANコード'];
  for (let i = 1; i <= n; i++) {
    const code = `P${String(i).padStart(6, '0')}`;
    lines.push(
      `${code},,,SKU${i},"商品${i} ①㈱髙～, 特選",${1 + (i % 24)},${i % 50 === 0 ? '対象外' : '対象'},${i % 5 === 0 ? 'RED08' : 'STD10'},${(i * 37) % 20000},`,
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
