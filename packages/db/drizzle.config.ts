import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; `minsheng migrate` applies them on both engines.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/migrations',
});
