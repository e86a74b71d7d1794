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
