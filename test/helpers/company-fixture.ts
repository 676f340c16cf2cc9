/** The 自社情報 (issuer with a valid 登録番号) that the document tests print, saved through the real dispatch. */
import type { TestCore } from './core';

export const TEST_COMPANY = {
  name: '株式会社ビーカート商事',
  postalCode: '150-0002',
  address1: '東京都渋谷区渋谷2-1-1',
  address2: '',
  phone: '03-1234-5678',
  registrationNumber: 'T9234567890123',
  bankAccountIds: [],
};

export async function saveTestCompany(t: TestCore): Promise<void> {
  await t.call('company:save', TEST_COMPANY);
}
