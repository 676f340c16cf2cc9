/**
 * The app's pages and the menu groups they appear in. Adding a screen is one line here.
 */
import type { ComponentType } from 'react';
import { HomePage } from './features/home/HomePage';
import { DepartmentPage } from './features/masters/department-page';
import { TaxClassPage } from './features/masters/tax-class-page';
import { WorkflowPage } from './features/masters/workflow-page';

export type MenuGroup = '業務処理' | 'マスタ' | 'システム設定';

export interface PageDef {
  id: string;
  title: string;
  group: MenuGroup | null;
  component: ComponentType;
}

export const PAGES: PageDef[] = [
  { id: 'home', title: 'ホーム', group: null, component: HomePage },
  { id: 'departments', title: '部門', group: 'マスタ', component: DepartmentPage },
  { id: 'tax-classes', title: '税区分', group: 'マスタ', component: TaxClassPage },
  { id: 'workflows', title: 'ワークフロー', group: 'マスタ', component: WorkflowPage },
];

export const MENU_GROUPS: MenuGroup[] = ['業務処理', 'マスタ', 'システム設定'];
