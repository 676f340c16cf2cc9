/** Wire-format schemas of the BCart API, one per resource; each transforms to the types of ../model. */
export { orderWire } from './order';
export { orderProductWire } from './order-product';
export { logisticsWire, logisticsWithOrderWire } from './logistics';
export type { LogisticsWithOrder } from './logistics';
export { productSetWire } from './product-set';
export { productStockWire } from './product-stock';
export { customerWire } from './customer';
export { productWire } from './product';
export { parseList, parseOne, badResponse, RESOURCE_LABELS } from './envelope';
export type { ParsedList, ResourceKey } from './envelope';
export { canonicalDecimal } from './lenient';
