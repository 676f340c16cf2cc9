/** 売上分析: the grouped view and the drill-down to the slips behind a group. */
import { z } from 'zod';
import { analysisCsvInput, analysisInput, analysisResult, analysisSlip, analysisSlipsInput } from '../../analysis/sales-analysis';
import { csvDownload } from '../../csv/csv-file';
import { channel } from '../define';

export const analysisChannelDefs = {
  'analysis:sales': channel(analysisInput, analysisResult),
  'analysis:slips': channel(analysisSlipsInput, z.object({ rows: z.array(analysisSlip) })),
  /** CSV出力 of the grouped table (table: groups) or of one group's slips (table: slips) */
  'analysis:exportCsv': channel(analysisCsvInput, csvDownload),
};
