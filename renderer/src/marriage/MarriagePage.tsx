import { ModuleLanding } from '../app/ModuleLanding';

// The marriage section's landing page: a card for every screen of the module this user may open.

const descriptions: Record<string, string> = {
  '/marriage/register': '证件号码优先录入，受理审查（年龄、重婚、失信名单、声明），登记发证，不予登记通知单',
  '/marriage/search': '按姓名（含部分姓名、拼音首字母）、证件号码、证书字号、日期和状态查找婚姻登记',
  '/marriage/divorce': '按证书字号、证件号码或姓名找到婚姻，受理协议离婚，出具受理回执单',
  '/marriage/divorce/worklist': '冷静期中、可发证、即将到期、视为撤回的离婚申请；撤回与发证',
  '/marriage/counter': '叫号（F2）、现场取号、预约签到、排队小票、当日队列',
  '/marriage/appointments': '按日期和时段预约，查看各时段容量与余量',
  '/marriage/ceremonies': '颁证仪式场次与预订，显示余位',
  '/marriage/counter-setup': '时段容量、窗口数、高峰日（含七夕）',
  '/marriage/archive': '历史婚姻档案（MZ/T 113）CSV/XLSX 导入：先试导入逐行检查，全部通过才写入',
  '/marriage/corrections': '审批登记员提出的更正申请，原值保留在历史记录中',
  '/marriage/blacklist': '婚姻登记失信名单：列入、移出，受理时自动核查',
  '/marriage/numbers': '证书字号：各类字号用量、作废字号及原因、年度起始流水号',
  '/marriage/stats': '月度、年度统计（民政部口径），图表，导出 PDF 与 Excel',
};

export function MarriagePage() {
  return <ModuleLanding parent="/marriage" title="nav.marriage" descriptions={descriptions} />;
}
