/** JSON schema as the OpenAPI document carries it (TypeBox output after @fastify/swagger's transform). */
export type JsonSchema = Record<string, any>;

export interface RouteSpec {
  method: string;
  path: string;
  params: string[];
  query: string[];
  body: string[];
  multipart: boolean;
  /** Schemas of each path parameter, query parameter and of the body, for generating valid requests. */
  schemas: { params: Record<string, JsonSchema>; query: Record<string, { schema: JsonSchema; required: boolean }>; body: JsonSchema | null };
}

/** The route table as the app documents it: every method × path with its parameter, query and body fields and schemas. */
export function routeTable(spec: { paths: Record<string, Record<string, any>> }): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
      const content = op.requestBody?.content ?? {};
      const schema = content['application/json']?.schema ?? content['multipart/form-data']?.schema ?? {};
      const inPath = parameters.filter((p) => p.in === 'path');
      const inQuery = parameters.filter((p) => p.in === 'query');
      out.push({
        method: method.toUpperCase(), path, params: inPath.map((p) => p.name),
        query: inQuery.map((p) => p.name), body: Object.keys(schema.properties ?? {}),
        multipart: Boolean(content['multipart/form-data']) || /attachments|uploads/.test(path),
        schemas: {
          params: Object.fromEntries(inPath.map((p) => [p.name, p.schema ?? {}])),
          query: Object.fromEntries(inQuery.map((p) => [p.name, { schema: p.schema ?? {}, required: Boolean(p.required) }])),
          body: op.requestBody ? schema : null,
        },
      });
    }
  }
  return out;
}
