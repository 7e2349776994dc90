import type { JurisdictionRuntime } from '../../../runtime/jurisdiction-runtime';
import { DISCOVERY_FORMATS } from '../wire-format';

/**
 * Service Discovery (spec §1). `changeset` is when this process started: services and definitions are read live,
 * so a client that cached them should refresh after a restart (deploy) at the latest.
 */
export function getDiscovery(runtime: JurisdictionRuntime, baseUrl: string, changeset: string) {
  return {
    changeset,
    contact: `${runtime.name} 12345 政务服务便民热线（电话 12345）`,
    key_service: '请向本辖区 12345 热线中心的系统管理员申请 API 密钥（管理后台：系统管理 → Open311）。',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: baseUrl, changeset, type: 'production', formats: DISCOVERY_FORMATS }],
  };
}
