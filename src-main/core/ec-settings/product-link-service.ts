/**
 * EC連携商品 (used when 商品連携区分 is off): BCart sets fetched with suggestions by code (品番 =
 * SKU or product code) and JAN, bulk accept, list and delete. Sets seen in the last 30 days of BCart
 * orders that still have no mapping come first, because the next import needs exactly those.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDays, jstDateOf } from '../../../src-shared/domain/jst-date';
import { AppError, type FieldProblem } from '../../../src-shared/errors';
import type { BcartSetRow, ProductLink, ProductLinkAccept, ProductSuggestion } from '../../../src-shared/ec-settings/product-link';
import type { BcartProductSet } from '../bcart/model';
import type { CoreContext } from '../core-context';
import { productLinks, products } from '../db/schema';
import { getBcartSession } from './bcart-session';
import { ecSettingRepository } from './ec-setting-repository';
import { setQuantity } from '../setup/onboarding-plan';

interface LocalProductRow {
  id: number;
  code: string;
  skuCode: string | null;
  name: string;
  unitQuantity: number;
  janCode: string | null;
  confirmed: boolean;
}

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
export function productLinkService(ctx: CoreContext) {
  const db = ctx.orm;
  const settings = ecSettingRepository(ctx);
  const localProducts = (): LocalProductRow[] =>
    db
      .select({ id: products.id, code: products.code, skuCode: products.skuCode, name: products.name, unitQuantity: products.unitQuantity, janCode: products.janCode, confirmed: products.confirmed })
      .from(products)
      .all();

  function list(settingId: number): ProductLink[] {
    settings.get(settingId);
    return db
      .select({
        id: productLinks.id,
        bcartSetId: productLinks.bcartSetId,
        bcartProductNo: productLinks.bcartProductNo,
        bcartSetName: productLinks.bcartSetName,
        bcartJanCode: productLinks.bcartJanCode,
        bcartQuantity: productLinks.bcartQuantity,
        productId: productLinks.productId,
        productCode: products.code,
        productName: products.name,
        productUnitQuantity: products.unitQuantity,
      })
      .from(productLinks)
      .innerJoin(products, eq(products.id, productLinks.productId))
      .where(eq(productLinks.ecSettingId, settingId))
      .orderBy(asc(productLinks.bcartSetId))
      .all();
  }

  return {
    list,
    async fetchBcart(settingId: number) {
      const { client } = getBcartSession(ctx, settingId);
      const today = jstDateOf(ctx.clock.now());
      const [sets, orders, bcartProducts] = await Promise.all([
        client.listProductSets(),
        client.listOrders({ orderedFrom: addDays(today, -30), orderedTo: today }),
        client.listProducts(),
      ]);
      const recent = new Set(orders.flatMap((o) => o.orderProducts.flatMap((l) => (l.productSetId !== null ? [l.productSetId] : []))));
      const names = new Map(bcartProducts.map((p) => [p.id, p.name]));
      const linked = new Map(list(settingId).map((l) => [l.bcartSetId, l.productId]));
      const local = localProducts();
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
      return { sets: orderSetRows(rows), fetchedAt: ctx.now() };
    },
    /** Upserts the mappings in one transaction after checking every product. */
    accept(input: ProductLinkAccept) {
      settings.get(input.settingId);
      const ids = [...new Set(input.links.map((l) => l.productId))];
      const found = new Map(
        db.select({ id: products.id, confirmed: products.confirmed, unitQuantity: products.unitQuantity, code: products.code }).from(products).where(inArray(products.id, ids)).all().map((p) => [p.id, p]),
      );
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
      const linkedSet = new Map(
        db.select({ productId: productLinks.productId, setId: productLinks.bcartSetId }).from(productLinks).where(eq(productLinks.ecSettingId, input.settingId)).all().map((r) => [r.productId, r.setId]),
      );
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
      const now = ctx.now();
      ctx.db.transaction(() => {
        for (const l of input.links) {
          const values = { bcartProductNo: l.bcartProductNo, bcartSetName: l.bcartSetName, bcartJanCode: l.bcartJanCode, bcartQuantity: l.bcartQuantity, productId: l.productId, updatedAt: now };
          db.insert(productLinks)
            .values({ ecSettingId: input.settingId, bcartSetId: l.bcartSetId, ...values, createdAt: now })
            .onConflictDoUpdate({ target: [productLinks.ecSettingId, productLinks.bcartSetId], set: values })
            .run();
        }
      })();
      return { saved: input.links.length };
    },
    delete(settingId: number, ids: number[]) {
      const r = db.delete(productLinks).where(and(eq(productLinks.ecSettingId, settingId), inArray(productLinks.id, ids))).run();
      return { deleted: r.changes };
    },
  };
}
