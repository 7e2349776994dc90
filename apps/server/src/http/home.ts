import type { FastifyPluginAsync } from 'fastify';
import { ROLE_LABELS } from '@minsheng/contracts';
import type { Deps } from '../deps';
import { DEMO_COUNTY_CODE, DEMO_USERS } from '@minsheng/db/demo';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The landing page until the console (apps/web) ships: what this server is, where the API docs are, and —
 * on a demo instance — the demo accounts.
 */
export function homeRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => {
      const runtime = await deps.runtimes.get(deps.defaultJurisdictionId);
      const demo = !deps.config.production && deps.defaultJurisdictionId === DEMO_COUNTY_CODE;
      const rows = demo
        ? DEMO_USERS.map((u) => `<tr><td><code>${escape(u.username)}</code></td><td>${escape(u.displayName)}</td><td>${u.roles.map((r) => ROLE_LABELS[r]).join('、')}</td></tr>`).join('')
        : '';
      reply.type('text/html; charset=utf-8');
      return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>民声 minsheng</title><style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{color:#b91c1c}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:.35rem .5rem;text-align:left}code{background:#f3f4f6;padding:0 .25rem}</style></head>
<body><h1>民声 · 群众诉求统一平台</h1>
<p>统一接收、分类处置、限时办理、及时反馈 —— 事事有回音，件件有答复。</p>
<p>辖区：<strong>${escape(runtime?.name ?? deps.defaultJurisdictionId)}</strong>（${escape(deps.defaultJurisdictionId)}）· 数据库：${deps.database.engine} · 版本 ${escape(deps.config.version)}</p>
<ul><li><a href="/api/docs">API 文档 (OpenAPI)</a></li><li><a href="/api/health">健康检查 /api/health</a></li></ul>
${demo ? `<h2>演示账号（密码 <code>minsheng-demo</code>）</h2><table><tr><th>用户名</th><th>姓名</th><th>角色</th></tr>${rows}</table>` : ''}
</body></html>`;
    });
  };
}
