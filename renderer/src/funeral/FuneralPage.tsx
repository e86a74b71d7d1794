import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useCall } from '../app/api';
import { ModuleLanding } from '../app/ModuleLanding';
import { usePermissions } from '../app/session';

// The funeral module's landing page: one card per screen this user may open (the nav table is the
// one list, so screens other areas add show up here too), and for cemetery managers the figures
// that need attention today.

const descriptions: Record<string, string> = {
  '/funeral/cemeteries': '公墓、墓区与墓位：按排号批量生成，墓位图按状态着色，点选墓位登记安葬、停用',
  '/funeral/burials': '按逝者姓名、身份证号码、使用权人、安葬证号或墓位号查找安葬记录，打印公墓安葬证',
  '/funeral/expiring': '已过期和即将到期的墓位使用期限，批量打印续期通知书，办理续期',
  '/funeral/storage': '骨灰寄存登记、续存、领取，寄存到期清单，骨灰寄存证',
  '/funeral/waivers/new': '惠民殡葬减免登记：证件号码优先，按类别可减免项目与每具封顶额自动计算',
  '/funeral/waivers': '减免记录查询、更正与作废（结算前）',
  '/funeral/waivers/settlement': '按殡仪馆、按月的减免结算单，导出 PDF 与 Excel，确认结算',
  '/funeral/waivers/standards': '服务项目标准价格、减免对象类别与封顶额（按生效日期），殡仪馆名录',
  '/funeral/subsidies/apply': '节地生态安葬奖补受理：按政策自动测算资格、金额与申请期限，列出缺少的材料',
  '/funeral/subsidies': '奖补申请：街道初审、区民政审批，审批通知书',
  '/funeral/subsidies/batches': '发放批次与花名册（PDF、Excel），标记已发放',
  '/funeral/subsidies/policies': '各区县奖补政策（按生效日期）：安葬方式、金额、期限、材料',
  '/funeral/reports': '安葬按月、公墓、方式统计，节地生态安葬率，公益性安葬设施覆盖率，奖补与减免汇总，导出 PDF 与 Excel',
  '/funeral/reports/settings': '生态安葬统计口径（按生效日期）与本区乡镇（街道）名单',
};

function CemeteryFigures() {
  const cemeteries = useCall('funeral.cemeteries.list', {});
  const expiring = useCall('funeral.burials.expiring', { months: 3, cemeteryId: null });
  const storage = useCall('funeral.storage.expiring', { months: 1 });
  const total = (cemeteries.data ?? []).reduce(
    (a, c) => ({ plots: a.plots + c.occupancy.plots, remaining: a.remaining + c.occupancy.remainingPlaces }),
    { plots: 0, remaining: 0 },
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} xl={6}>
        <Card size="small">
          <Statistic title="公墓" value={cemeteries.data?.length ?? '—'} suffix="个" />
        </Card>
      </Col>
      <Col xs={12} xl={6}>
        <Card size="small">
          <Statistic title="墓位 / 剩余可安放" value={`${total.plots} / ${total.remaining}`} />
        </Card>
      </Col>
      <Col xs={12} xl={6}>
        <Link to="/funeral/expiring">
          <Card size="small" hoverable>
            <Statistic title="3 个月内到期及已过期的墓位使用期限" value={expiring.data?.total ?? '—'} suffix="条" />
          </Card>
        </Link>
      </Col>
      <Col xs={12} xl={6}>
        <Link to="/funeral/storage">
          <Card size="small" hoverable>
            <Statistic title="1 个月内到期及逾期的骨灰寄存" value={storage.data?.rows.length ?? '—'} suffix="份" />
          </Card>
        </Link>
      </Col>
    </Row>
  );
}

export function FuneralPage() {
  const permissions = usePermissions();
  return (
    <ModuleLanding parent="/funeral" title="nav.funeral" descriptions={descriptions}>
      {permissions.has('funeral.cemetery') && <CemeteryFigures />}
    </ModuleLanding>
  );
}
