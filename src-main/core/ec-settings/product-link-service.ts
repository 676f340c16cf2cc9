/**
 * EC連携商品 (used when 商品連携区分 is off): BCart sets fetched with suggestions by code (品番 =
 * SKU or product code) and JAN, bulk accept, list and delete. Sets seen in the last 30 days of BCart
 * orders that still have no mapping come first, because the next import needs exactly those.
 */
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { BcartSetRow, ProductLink, ProductLinkAccept, ProductSuggestion } from '../../../src-shared/ec-settings/product-link';
import type { BcartProductSet } from '../bcart/model';
import type { LinkableProduct } from '../masters/master-repositories';
import type { CorePorts } from '../ports';
import type { Repositories } from '../repositories';
import { setQuantity } from '../setup/onboarding-plan';
import type { BcartSessions } from './bcart-sessions';

type LocalProductRow = LinkableProduct;

/** Suggestions for one set: same 品番 (SKU, else product code) first, then same JAN. */
export function suggestProducts(set: Pick<BcartProductSet, 'productNo' | 'janCode'>, local: readonly LocalProductRow[]): ProductSuggestion[] {
  const out: ProductSuggestion[] = [];
  const no = set.productNo.trim();
  const jan = set.janCode.trim();
  for (const p of local) {
    if (!p.confirmed) continue;
    const reason = no !== '' && (p.skuCode || p.code) === no ? 'code' : jan !== '' && p.janCode === jan ? 'jan' : null;
    if (reason) out.push({ productId: p.id, code: p.code, name: p.name, unitQuantity: p.unitQuantity, reason });
  }
  return out.sort((a, b) => (a.reason === b.reason ? 0 : a.reason === 'code' ? -1 : 1));
}

/** Orders unmapped sets of recent orders first, then unmapped, then mapped; stable by set id. */
export function orderSetRows(rows: BcartSetRow[]): BcartSetRow[] {
  const rank = (r: BcartSetRow) => (r.linkedProductId === null ? (r.inRecentOrders ? 0 : 1) : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.setId - b.setId);
}

/** The product-link service of a core. */
export function createProductLinkService(repos: Repositories, bcart: BcartSessions, ports: Pick<CorePorts, 'clock' | 'now'>) {
  const settings = repos.ecSettings;

  function list(settingId: number): ProductLink[] {
    settings.get(settingId);
    return settings.productLinks(settingId);
  }

  return {
    list,
    async fetchBcart(settingId: number) {
      const { client } = bcart.session(settingId);
      const today = jstDateOf(ports.clock.now());
      const [sets, orders, bcartProducts] = await Promise.all([
        client.listProductSets(),
        client.listOrders({ orderedFrom: addDays(today, -30), orderedTo: today }),
        client.listProducts(),
      ]);
      const recent = new Set(orders.flatMap((o) => o.orderProducts.flatMap((l) => (l.productSetId !== null ? [l.productSetId] : []))));
      const names = new Map(bcartProducts.map((p) => [p.id, p.name]));
      const linked = new Map(list(settingId).map((l) => [l.bcartSetId, l.productId]));
      const local = repos.products.linkable();
      const rows: BcartSetRow[] = sets.map((s) => ({
        setId: s.id,
        productNo: s.productNo,
        janCode: s.janCode,
        quantity: setQuantity(s.quantity),
        name: [s.productId !== null ? names.get(s.productId) : undefined, s.name].filter(Boolean).join(' '),
        inRecentOrders: recent.has(s.id),
        linkedProductId: linked.get(s.id) ?? null,
        suggestions: suggestProducts(s, local),
      }));
      return { sets: orderSetRows(rows), fetchedAt: ports.now() };
    },
    /** Upserts the mappings in one transaction after checking every product. */
    accept(input: ProductLinkAccept) {
      settings.get(input.settingId);
      const ids = [...new Set(input.links.map((l) => l.productId))];
      const found = new Map(repos.products.findByIds(ids).map((p) => [p.id, p]));
      const problems: FieldProblem[] = [];
      input.links.forEach((l, i) => {
        const p = found.get(l.productId);
        const label = `セット${l.bcartSetId} (${l.bcartProductNo})`;
        if (!p) problems.push({ path: `links.${i}.productId`, message: `${label}: 指定の商品が見つかりません。選び直してください。` });
        else if (!p.confirmed) problems.push({ path: `links.${i}.productId`, message: `${label}: 商品「${p.code}」は未確定です。商品マスタで確定してください。` });
        else if (l.bcartQuantity !== null && l.bcartQuantity !== p.unitQuantity) {
          problems.push({ path: `links.${i}.productId`, message: `${label}: Bカートの入数 ${l.bcartQuantity} と商品「${p.code}」の計上単位 ${p.unitQuantity} が違います。入数が同じ商品を選んでください。` });
        }
      });
      // a product is linked to at most one set per setting (在庫反映 sends a product's change to one set)
      const linkedSet = new Map(list(input.settingId).map((r) => [r.productId, r.bcartSetId]));
      const inInput = new Map<number, number>();
      input.links.forEach((l, i) => {
        const other = inInput.get(l.productId) ?? linkedSet.get(l.productId);
        if (other !== undefined && other !== l.bcartSetId) {
          const code = found.get(l.productId)?.code ?? String(l.productId);
          problems.push({ path: `links.${i}.productId`, message: `セット${l.bcartSetId} (${l.bcartProductNo}): 商品「${code}」はすでにセット${other}に紐づいています。1つの商品に紐づけられるセットは1つです。先に今の紐づけを削除してください。` });
        }
        inInput.set(l.productId, l.bcartSetId);
      });
      if (problems.length > 0) throw new AppError('VALIDATION', `EC連携商品に${problems.length}件の誤りがあります。何も保存していません。`, { fields: problems });
      repos.transaction(() => settings.upsertProductLinks(input.settingId, input.links));
      return { saved: input.links.length };
    },
    delete: (settingId: number, ids: number[]) => ({ deleted: settings.deleteProductLinks(settingId, ids) }),
  };
}

export type ProductLinkService = ReturnType<typeof createProductLinkService>;
