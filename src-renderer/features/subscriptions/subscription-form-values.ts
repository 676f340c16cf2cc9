/** The values of the 定期申込 form: an application as main's schema reads it, and a new one's start values. */
import type { z } from 'zod';
import type { subscriptionApplicationSchema } from '../../../src-shared/subscriptions/subscription-schema';

export type ApplicationValues = z.input<typeof subscriptionApplicationSchema>;
export type ItemValues = ApplicationValues['items'][number];

export const NEW_APPLICATION: ApplicationValues = {
  code: '',
  customerCode: '',
  status: '継続中',
  orderProcessed: false,
  standardRate: 10,
  reducedRate: 8,
  items: [],
};

export const NEW_ITEM: ItemValues = {
  productCode: '',
  variationH: '',
  variationV: '',
  name: '',
  quantity: 1,
  firstPrice: 0,
  regularPrice: 0,
  lastPrice: 0,
  taxIncluded: true,
  taxRateType: '標準',
  options: [],
};

/** The select of 税込 / 税抜 holds text; the schema wants a boolean. */
export const asBoolean = (v: unknown): boolean => v === true || v === 'true';
