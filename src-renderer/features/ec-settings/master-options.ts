/**
 * Select options of the EC連携設定 form, read from the masters. Unconfirmed records are listed too
 * (marked 未確定) so the clerk sees why main refuses them instead of wondering where they went.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../ipc/api';

export interface Option {
  value: string;
  label: string;
}

const mark = (confirmed: boolean) => (confirmed ? '' : ' (未確定)');

/** Every option list the settings form needs, each a react-query keyed by its master domain. */
export function useSettingOptions() {
  const departments = useQuery({ queryKey: ['departments', 'options'], queryFn: () => unwrap(api().departments.list({ limit: 2000 })) });
  const warehouses = useQuery({ queryKey: ['partners', 'options', '倉庫'], queryFn: () => unwrap(api().partners.listByKind({ kind: '倉庫', limit: 2000 })) });
  const customers = useQuery({ queryKey: ['partners', 'options', '得意先'], queryFn: () => unwrap(api().partners.listByKind({ kind: '得意先', limit: 5000 })) });
  const banks = useQuery({ queryKey: ['bankAccounts', 'options'], queryFn: () => unwrap(api().bankAccounts.list({ limit: 2000 })) });
  const taxes = useQuery({ queryKey: ['taxClasses', 'options'], queryFn: () => unwrap(api().taxClasses.list({ limit: 200 })) });
  const products = useQuery({ queryKey: ['products', 'options'], queryFn: () => unwrap(api().products.list({ limit: 5000 })) });
  const workflows = useQuery({ queryKey: ['workflows', 'options'], queryFn: () => unwrap(api().workflows.list({ limit: 500 })) });
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
