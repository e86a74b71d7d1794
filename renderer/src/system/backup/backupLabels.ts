import type { BackupKind } from '../../app/contract';

export const backupKindLabels: Record<BackupKind, string> = {
  manual: '手动',
  daily: '每日自动',
  'pre-restore': '恢复前自动',
};

export const backupKindColors: Record<BackupKind, string> = {
  manual: 'blue',
  daily: 'green',
  'pre-restore': 'orange',
};
