/** Builds the renderer once before the end-to-end tests, so they always test the current source. */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: 'vite.config.mts', logLevel: 'warn' });
}
