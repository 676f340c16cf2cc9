/**
 * Select options of the EC連携設定 form, read from the masters. Unconfirmed records are listed too
 * (marked 未確定) so the clerk sees why main refuses them instead of wondering where they went.
 */
import { useQuery } from '@tanstack/react-query';
import { masterQueries, partnerQueries } from '../../queries/masters';

export interface Option {
  value: string;
  label: string;
}

const mark = (confirmed: boolean) => (confirmed ? '' : ' (未確定)');

/** Every option list the settings form needs, each a query under its master's root. */
export function useSettingOptions() {
  const departments = useQuery(masterQueries('departments').options(2000));
  const warehouses = useQuery(partnerQueries.optionsOfKind('倉庫', 2000));
  const customers = useQuery(partnerQueries.optionsOfKind('得意先', 5000));
  const banks = useQuery(masterQueries('bankAccounts').options(2000));
  const taxes = useQuery(masterQueries('taxClasses').options(200));
  const products = useQuery(masterQueries('products').options(5000));
  const workflows = useQuery(masterQueries('workflows').options(500));
  const fees = (products.data?.rows ?? []).filter((p) => !p.inventoryTracked);
  return {
    loading: [departments, warehouses, customers, banks, taxes, products, workflows].some((q) => q.isLoading),
    error: [departments, warehouses, customers, banks, taxes, products, workflows].find((q) => q.error)?.error ?? null,
    departments: (departments.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.code} ${r.name}${mark(r.confirmed)}` })),
    warehouses: (warehouses.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.code} ${r.name}${mark(r.confirmed)}` })),
    customers: (customers.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.code} ${r.name}${mark(r.confirmed)}` })),
    banks: (banks.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.code} ${r.bankName} ${r.branchName} ${r.accountType} ${r.accountNumber}${mark(r.confirmed)}` })),
    taxClasses: (taxes.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.name} (${r.rate}%)${mark(r.confirmed)}` })),
    feeProducts: fees.map((r) => ({ value: String(r.id), label: `${r.code} ${r.name}${mark(r.confirmed)}` })),
    workflows: (workflows.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.name} [${r.kind}]${mark(r.confirmed)}` })),
  };
}
