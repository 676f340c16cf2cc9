/** 売上分析: the grouped view and the drill-down to the slips behind a group. */
import { z } from 'zod';
import { analysisInput, analysisResult, analysisSlip, analysisSlipsInput } from '../../analysis/sales-analysis';
import { channel } from '../define';

export const analysisChannelDefs = {
  'analysis:sales': channel(analysisInput, analysisResult),
  'analysis:slips': channel(analysisSlipsInput, z.object({ rows: z.array(analysisSlip) })),
};
