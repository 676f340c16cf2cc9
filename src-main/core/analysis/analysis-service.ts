/** 売上分析: the period's groups beside the same period a year earlier, and the non-goods totals. */
import {
  monthYearLater,
  yearEarlier,
  type AnalysisInput,
  type AnalysisResult,
  type AnalysisRow,
  type AnalysisSlip,
  type AnalysisSlipsInput,
} from '../../../src-shared/analysis/sales-analysis';
import { grossMargin } from '../../../src-shared/analysis/gross-margin';
import type { AnalysisRepository, GoodsFilter } from './analysis-repository';

export interface AnalysisService {
  sales(input: AnalysisInput): AnalysisResult;
  slips(input: AnalysisSlipsInput): AnalysisSlip[];
}

export function createAnalysisService(repo: AnalysisRepository): AnalysisService {
  return {
    sales(input) {
      const filter: GoodsFilter = { ...input };
      const now = repo.groups(input.by, filter);
      const prev = repo.groups(input.by, { ...filter, from: yearEarlier(input.from), to: yearEarlier(input.to) });
      const id = (key: string, channel: string) => `${channel}\u0000${key}`;
      const rows = new Map<string, AnalysisRow>();
      for (const r of now) rows.set(id(r.key, r.channel), { ...r, margin: grossMargin(r.net, r.cost), prevNet: 0, prevQuantity: 0 });
      for (const r of prev) {
        const key = input.by === 'month' ? monthYearLater(r.key) : r.key;
        const label = input.by === 'month' ? key : r.label;
        const row = rows.get(id(key, r.channel)) ?? { key, label, channel: r.channel, net: 0, quantity: 0, cost: null, margin: null, prevNet: 0, prevQuantity: 0 };
        rows.set(id(key, r.channel), { ...row, prevNet: r.net, prevQuantity: r.quantity });
      }
      const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
      const goods = now.reduce((s, r) => s + r.net, 0);
      const extras = repo.extras(filter);
      return {
        rows: sorted,
        totals: { goods, ...extras, netSales: goods - extras.points, prevGoods: prev.reduce((s, r) => s + r.net, 0) },
      };
    },
    slips(input) {
      return repo.slips(input.by, input.key, input.channel, input.from, input.to, input.limit ?? 500);
    },
  };
}
