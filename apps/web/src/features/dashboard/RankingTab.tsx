import { Col, Row } from 'antd';
import { useAuth } from '../../auth/AuthContext';
import { HotTopicsCard } from './HotTopicsCard';
import { UnitRankingCard } from './UnitRankingCard';
import { WarningsCard } from './WarningsCard';

/** 排名与预警: the month's unit ranking beside hot topics and, for supervisors and leaders, the open early warnings. */
export function RankingTab() {
  const auth = useAuth();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}><UnitRankingCard /></Col>
      <Col xs={24} xl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}><HotTopicsCard /></Col>
          {auth.hasRole('supervisor', 'leader') ? <Col span={24}><WarningsCard /></Col> : null}
        </Row>
      </Col>
    </Row>
  );
}
