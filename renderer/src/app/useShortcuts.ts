import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from './i18n';
import { sectionLabels, sectionTarget } from './nav';
import { usePermissions, useSession } from './session';
import { lockNow } from './sessionActions';

/** Ctrl+L locks; Alt+1…Alt+5 open the navigation sections. Listed on the home page. */
export function useShortcuts(): void {
  const navigate = useNavigate();
  const permissions = usePermissions();
  const { phase } = useSession();
  const { message } = App.useApp();
  const { t } = useI18n();

  useEffect(() => {
    if (phase !== 'ready') return;
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyL') {
        e.preventDefault();
        void lockNow();
        return;
      }
      // e.code, not e.key: Alt+digit types other characters on some layouts.
      const digit = /^Digit([1-5])$/.exec(e.code)?.[1];
      if (e.altKey && !e.ctrlKey && !e.metaKey && digit) {
        e.preventDefault();
        const section = Number(digit) as 1 | 2 | 3 | 4 | 5;
        const target = sectionTarget(section, permissions);
        if (target) void navigate(target);
        else void message.warning(`${t(sectionLabels[section])}：${t('common.forbidden')}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, permissions, navigate, message, t]);
}
