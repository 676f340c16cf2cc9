/** 自社情報 (one row) and the 請求口座 printed as 振込先. The only writer of company_info / company_bank_accounts. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Company, CompanyValues } from '../../../src-shared/company/company';
import { validationError } from '../../../src-shared/errors';
import { bankAccounts, companyBankAccounts, companyInfo } from '../db/schema';
import { inTransaction, type Db } from '../db/db-handle';

export function createCompanyRepository(db: Db, now: () => string) {
  const { orm } = db;
  function get(): Company {
    const row = orm.select().from(companyInfo).where(eq(companyInfo.id, 1)).get();
    const accounts = orm
      .select({
        id: bankAccounts.id,
        bankName: bankAccounts.bankName,
        branchName: bankAccounts.branchName,
        accountType: bankAccounts.accountType,
        accountNumber: bankAccounts.accountNumber,
        holder: bankAccounts.holder,
      })
      .from(companyBankAccounts)
      .innerJoin(bankAccounts, eq(bankAccounts.id, companyBankAccounts.bankAccountId))
      .orderBy(asc(companyBankAccounts.sortOrder))
      .all();
    return {
      saved: row !== undefined,
      name: row?.name ?? '',
      postalCode: row?.postalCode ?? null,
      address1: row?.address1 ?? null,
      address2: row?.address2 ?? null,
      phone: row?.phone ?? null,
      registrationNumber: row?.registrationNumber ?? null,
      bankAccounts: accounts,
      updatedAt: row?.updatedAt ?? null,
    };
  }

  /** Saves the row and replaces the 振込先 list in one transaction. */
  function save(values: CompanyValues): Company {
    const ids = [...new Set(values.bankAccountIds)];
    if (ids.length > 0) {
      const found = orm.select({ id: bankAccounts.id }).from(bankAccounts).where(inArray(bankAccounts.id, ids)).all();
      if (found.length !== ids.length) {
        throw validationError([{ path: 'bankAccountIds', message: '選んだ口座が請求口座マスタにありません。一覧を更新して選び直してください。' }]);
      }
    }
    const stamp = now();
    inTransaction(db, () => {
      const fields = {
        name: values.name,
        postalCode: values.postalCode,
        address1: values.address1,
        address2: values.address2,
        phone: values.phone,
        registrationNumber: values.registrationNumber,
        updatedAt: stamp,
      };
      orm
        .insert(companyInfo)
        .values({ id: 1, ...fields, createdAt: stamp })
        .onConflictDoUpdate({ target: companyInfo.id, set: fields })
        .run();
      orm.delete(companyBankAccounts).run();
      ids.forEach((id, i) => orm.insert(companyBankAccounts).values({ bankAccountId: id, sortOrder: i + 1 }).run());
    });
    return get();
  }

  return { get, save };
}
export type CompanyRepository = ReturnType<typeof createCompanyRepository>;
