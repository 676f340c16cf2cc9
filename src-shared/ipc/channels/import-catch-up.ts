/** 「最新まで取込」: windows of 出荷取込処理 until today; each run reports through import:progressed / import:finished. */
import { z } from 'zod';
import { catchUpResult } from '../../import/catch-up';
import { channel } from '../define';

export const importCatchUpChannelDefs = {
  'import:catchUp': channel(z.object({ settingId: z.number().int().positive() }).strict(), catchUpResult),
};
