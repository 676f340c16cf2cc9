import { runSimulatorCommand } from '../simulator/cli-simulator';
import type { CliCommand } from './cli-types';

/** `simulator [--port N] [--seed N] [--orders N] [--rate-limit on|off]`: serves the BCart simulator until stopped. */
export const simulatorCommand: CliCommand = {
  summary: 'Bカート API シミュレーター (デモ用の店舗データ入り) を起動し、URL とトークンを表示します',
  usage: 'simulator [--port N] [--seed N] [--orders N] [--rate-limit on|off]',
  async run(argv) {
    await runSimulatorCommand(argv);
    return 0;
  },
};
