import { UnderConstruction } from '../app/UnderConstruction';

export function FuneralPage() {
  return (
    <UnderConstruction
      name="nav.funeral"
      plans={['公益性公墓墓位 / 格位管理与安葬登记', '骨灰寄存', '节地生态安葬奖补审核与发放', '惠民殡葬费用减免']}
    />
  );
}
