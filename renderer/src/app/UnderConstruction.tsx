import { Result } from 'antd';
import { useI18n } from './i18n';
import type { MessageKey } from './messages';
import { PageHeader } from './PageHeader';

/** The business modules arrive in later issues; until then their pages say so and do nothing. */
export function UnderConstruction({ name, plans }: { name: MessageKey; plans: string[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <PageHeader title={t(name)} />
      <Result
        status="info"
        title={t('common.underConstruction')}
        subTitle={t('common.underConstructionHint', { name: t(name) })}
        data-testid="under-construction"
      >
        {lang === 'zh' && (
          <div>
            <p style={{ fontWeight: 500 }}>计划提供的功能：</p>
            <ul>
              {plans.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </Result>
    </>
  );
}
