import { Alert, Card, Empty, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useCall } from '../../app/api';
import { PageHeader } from '../../app/PageHeader';
import { OccupancySummary } from './Occupancy';
import { PlotMapView } from './PlotMapView';

/** 墓位图 of one section: click (or Enter) opens the plot's record. */
export function PlotMapPage() {
  const sectionId = Number(useParams().id);
  const map = useCall('funeral.plots.map', { sectionId });
  const navigate = useNavigate();
  if (map.error) return <Alert type="error" showIcon title={map.error.message} />;
  if (!map.data) return <Spin />;
  const m = map.data;
  return (
    <>
      <PageHeader title={`${m.section.label}墓位图`}>
        <Link to={`/funeral/cemeteries/${m.cemeteryId}`}>← {m.cemeteryName}</Link>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <OccupancySummary o={m.section.occupancy} />
      </Card>
      <Card size="small">
        {m.cells.length === 0 ? (
          <Empty description="该墓区尚无墓位" />
        ) : (
          <PlotMapView map={m} onOpen={(id) => void navigate(`/funeral/cemeteries/plots/${id}`)} />
        )}
      </Card>
    </>
  );
}
