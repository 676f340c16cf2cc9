/**
 * Wire shapes the simulator serves, exactly as docs/bcart-api.md#resources-the-app-reads describes BCart's JSON:
 * numerics are sometimes strings ("unit_price": "150", "tax_rate": "0.08", order_totals.total),
 * timestamps are "YYYY-MM-DD HH:MM:SS" JST without offset, the COD fee key is upper-case `COD_cost`.
 * These types are the simulator's own; the client parses the wire with its zod schemas.
 */

export interface WireOrderTotal {
  tax_rate: string;
  /** tax-excluded, as a string like BCart's sample */
  total: string;
  tax: string;
  total_incl_tax: number;
}

export interface WireOrderProduct {
  id: number;
  order_id: number;
  logistics_id: number | null;
  product_id: number | null;
  main_no: string;
  product_no: string;
  jan_code: string;
  location_no: string;
  product_name: string;
  product_set_id: number | null;
  set_name: string;
  /** per piece, decimal string */
  unit_price: string;
  /** 入数 */
  set_quantity: number;
  set_unit: string;
  /** 注文数 in sets */
  order_pro_count: number;
  shipping_size: number;
  tax_rate: string;
  tax_type_id: number;
  tax_incl: number;
  item_type: 'product' | 'shipping' | 'payment_fees' | 'point';
  options: unknown[];
}

export interface WireLogistic {
  id: number;
  shipment_code: string;
  delivery_code: string;
  destination_code: string;
  shipping_group_id: number;
  comp_name: string;
  department: string;
  name: string;
  zip: string;
  pref: string;
  address1: string;
  address2: string;
  address3: string;
  tel: string;
  due_date: string | null;
  due_time: string;
  memo: string;
  shipment_date: string | null;
  arrival_date: string | null;
  /** 未発送 / 発送指示 / 発送済 */
  status: string;
}

export interface WireOrder {
  id: number;
  code: string;
  customer_id: number;
  customer_ext_id: string;
  customer_parent_id: string;
  customer_salesman_id: string;
  customer_comp_name: string;
  customer_department: string;
  customer_name: string;
  customer_tel: string;
  customer_mobile_phone: string;
  customer_email: string;
  customer_price_group_id: string | null;
  customer_zip: string;
  customer_pref: string;
  customer_address1: string;
  customer_address2: string;
  customer_address3: string;
  customer_customs: unknown[];
  payment: string;
  payment_at: string | null;
  total_price: number;
  tax: number;
  tax_rate: string;
  COD_cost: number | '';
  shipping_cost: number | '';
  final_price: number;
  use_point: number | '';
  get_point: number | '';
  order_totals: WireOrderTotal[];
  customer_message: string;
  admin_message: string;
  memo: string;
  customs: unknown[];
  enquete1: string;
  enquete2: string;
  enquete3: string;
  enquete4: string;
  enquete5: string;
  ordered_at: string;
  affiliate_id: string;
  estimate_id: string;
  status: string;
}

export interface WireProductSet {
  id: number;
  product_id: number;
  product_no: string;
  jan_code: string;
  location_no: string;
  jodai_type: string;
  jodai: number;
  name: string;
  /** per piece; a number when whole, a decimal string (e.g. "12.5") otherwise */
  unit_price: number | string;
  min_order: number | null;
  max_order: number | null;
  group_price: Record<string, unknown>;
  special_price: Record<string, unknown>;
  volume_discount: Record<string, unknown>;
  /** 入数 */
  quantity: number;
  unit: string;
  description: string;
  stock: number | null;
  stock_flag: number;
  stock_parent: null;
  stock_view_id: number;
  stock_few: number;
  priority: number;
  set_flag: string;
  view_group_filter: string;
  visible_customer_id: string;
  customs: unknown[];
  option_ids: number[];
  shipping_group_id: number;
  shipping_size: number;
  tax_type_id: number;
  updated_at: string;
}

export interface WireProductStock {
  id: number;
  product_id: number;
  product_no: string;
  name: string;
  stock: number | null;
  stock_flag: number;
  stock_parent: null;
}

export interface WireProduct {
  id: number;
  main_no: string;
  name: string;
  catch_copy: string;
  category_id: number;
  sub_category_id: string;
  made_in: string;
  description: string;
  flag: string;
  priority: number;
  customs: unknown[];
  updated_at: string;
}

export interface WireCustomer {
  id: number;
  /** 貴社独自会員ID, "" when not set */
  ext_id: string;
  parent_id: string;
  comp_name: string;
  comp_name_kana: string;
  department: string;
  tanto_last_name: string;
  tanto_first_name: string;
  zip: string;
  pref: string;
  address1: string;
  address2: string;
  address3: string;
  email: string;
  tel: string;
  mobile_phone: string;
  fax: string;
  /** allowed payment methods, comma separated */
  payment: string;
  default_payment: string;
  price_group_id: number | null;
  point: number;
  customs: unknown[];
  status: string | null;
  created_at: string;
  updated_at: string;
}
