/** IPC handlers of バックアップ. */
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { BackupService } from './backup-service';

export function createBackupHandlers(backups: BackupService, events: EventBus): Pick<Handlers, 'backups:list' | 'backups:setRetention'> {
  return {
    'backups:list': () => backups.list(),
    'backups:setRetention': (rule) => {
      const after = backups.setRetention(rule);
      emitDataChanged(events, 'backups');
      return after;
    },
  };
}
