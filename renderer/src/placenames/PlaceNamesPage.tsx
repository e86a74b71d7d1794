import { UnderConstruction } from '../app/UnderConstruction';

export function PlaceNamesPage() {
  return (
    <UnderConstruction
      name="nav.placenames"
      plans={['地名命名、更名、销名的申报与审批', '标准名称与罗马字母拼写', '重名 / 同音检查', '地名标志与历史地名保护名录']}
    />
  );
}
