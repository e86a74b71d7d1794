import { UnderConstruction } from '../app/UnderConstruction';

export function MarriagePage() {
  return (
    <UnderConstruction
      name="nav.marriage"
      plans={['结婚登记、离婚登记（含离婚冷静期）', '补领婚姻登记证', '证书字号管理与作废', '婚姻档案查询']}
    />
  );
}
