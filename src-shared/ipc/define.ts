import { z } from 'zod';

/** One IPC channel: the input main validates and the output the renderer receives. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<I, O> => ({ input, output });

/** Input of channels that take nothing. */
export const noInput = z.object({}).strict().optional();
