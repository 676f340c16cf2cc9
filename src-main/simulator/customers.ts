/**
 * The demo shop's 40 members (会員). Most carry a 貴社独自会員ID (`ext_id` "C0001"…), which the
 * import maps to the app's customer code for 自社掛け払い / 銀行振込; a few have none, so the
 * "missing ext_id" path can be exercised.
 */
import type { Rng } from './prng';
import type { WireCustomer } from './wire-types';

/**
 * 貴社独自会員IDs as real shops write them (docs/import-rules.md#customer-per-payment-method): with a slash
 * and a space, 40+ characters long, and in full-width letters and digits.
 */
const SHOP_STYLE_EXT_IDS: ReadonlyMap<number, string> = new Map([
  [4, '山田商店-001/東京 本店'],
  [14, 'KANTO-WHOLESALE-PARTNER-2025-TOKYO-STORE-0015'],
  [24, 'Ｃ００２５'],
]);

const COMPANY_STEMS = [
  'サンプル商事',
  'テスト商店',
  '山田食品',
  '東和物産',
  '北斗フーズ',
  '青葉商会',
  '中央ストア',
  '日の出屋',
  '丸一商店',
  '富士見食堂',
  '若葉カフェ',
  '松風旅館',
  '白鷺ホテル',
  '港町マート',
  '大和産業',
  '花園ベーカリー',
  '三ツ星給食',
  '千代田サービス',
  '浪速デリカ',
  '博多屋',
  '杜の都商事',
  '瀬戸内フーズ',
  '信濃屋',
  '加賀商会',
];
const PREFIXES = ['株式会社', '有限会社', '合同会社'];
const LAST_NAMES = ['山田', '鈴木', '佐藤', '田中', '高橋', '伊藤', '渡辺', '中村', '小林', '加藤'];
const FIRST_NAMES = ['花子', '太郎', '一郎', '美咲', '健太', '陽子', '翔', '由美', '大輔', '彩'];
const ADDRESSES = [
  { zip: '100-0001', pref: '東京都', address1: '千代田区', address2: '千代田1-1' },
  { zip: '530-0001', pref: '大阪府', address1: '大阪市北区', address2: '梅田1-1-1' },
  { zip: '460-0008', pref: '愛知県', address1: '名古屋市中区', address2: '栄3-4-5' },
  { zip: '812-0011', pref: '福岡県', address1: '福岡市博多区', address2: '博多駅前2-2' },
  { zip: '060-0001', pref: '北海道', address1: '札幌市中央区', address2: '北一条西4-1' },
  { zip: '980-0021', pref: '宮城県', address1: '仙台市青葉区', address2: '中央1-3-1' },
];

/** Number of demo customers. */
export const CUSTOMER_COUNT = 40;

/** Builds the seeded members; every 10th has no 貴社独自会員ID. */
export function buildCustomers(rng: Rng, createdAt: string): WireCustomer[] {
  const out: WireCustomer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const id = 5001 + i;
    const addr = rng.pick(ADDRESSES);
    const last = rng.pick(LAST_NAMES);
    const first = rng.pick(FIRST_NAMES);
    const stem = COMPANY_STEMS[i % COMPANY_STEMS.length]!;
    const suffix = i >= COMPANY_STEMS.length ? ` ${Math.floor(i / COMPANY_STEMS.length) + 1}号店` : '';
    out.push({
      id,
      // every 10th member (i = 9, 19, 29, 39) has no 貴社独自会員ID
      ext_id: i % 10 === 9 ? '' : (SHOP_STYLE_EXT_IDS.get(i) ?? `C${String(i + 1).padStart(4, '0')}`),
      parent_id: '',
      comp_name: `${rng.pick(PREFIXES)}${stem}${suffix}`,
      comp_name_kana: '',
      department: rng.chance(0.4) ? '購買部' : '',
      tanto_last_name: last,
      tanto_first_name: first,
      zip: addr.zip,
      pref: addr.pref,
      address1: addr.address1,
      address2: addr.address2,
      address3: rng.chance(0.3) ? `${rng.int(1, 9)}F` : '',
      email: `buyer${String(id)}@example.jp`,
      tel: `0${rng.int(3, 9)}-${String(rng.int(1000, 9999))}-${String(rng.int(1000, 9999))}`,
      mobile_phone: '',
      fax: '',
      payment: '',
      default_payment: '',
      price_group_id: rng.chance(0.2) ? 1 : null,
      point: rng.int(0, 3000),
      customs: [],
      status: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  return out;
}
