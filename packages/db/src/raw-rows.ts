import { getTableColumns, is, sql } from 'drizzle-orm';
import type { InferSelectModel, SQL, Table } from 'drizzle-orm';
import { PgTimestamp } from 'drizzle-orm/pg-core';

/**
 * A reader for one table's rows as raw SQL returns them (snake_case keys, values as the driver typed them), giving the
 * same object drizzle's `select()` would. Hot reads use it: drizzle checks every field of every row by class at run
 * time, which cost the appeal detail a third of its CPU (bench:load's profile). Timestamps arrive as Date from pg's
 * own parser and PGlite, or as ISO text through drizzle's executor and inside JSON aggregates; both become Date.
 */
export function rawRowReader<T extends Table>(table: T): (raw: Record<string, unknown>) => InferSelectModel<T>;
/** Only some columns: a narrower row for pages that show less. */
export function rawRowReader<T extends Table, K extends keyof InferSelectModel<T> & string>(table: T, keys: readonly K[]): (raw: Record<string, unknown>) => Pick<InferSelectModel<T>, K>;
export function rawRowReader(table: Table, keys?: readonly string[]): (raw: Record<string, unknown>) => Record<string, unknown> {
  const fields = rawColumns(table, keys).map(({ key, name, column }) => ({ key, name, date: is(column, PgTimestamp) }));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const value = raw[f.name] ?? null;
      row[f.key] = f.date && value !== null ? driverDate(value) : value;
    }
    return row;
  };
}

/** A timestamp as the driver gave it (Date) or as JSON and drizzle's executor give it (ISO text), as a Date. */
export function driverDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}

/** The table's columns (or the named ones) as property key and SQL name: what a select list and its reader share. */
export function rawColumns(table: Table, keys?: readonly string[]) {
  const columns = getTableColumns(table);
  return (keys ?? Object.keys(columns)).map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key}`);
    return { key, name: column.name, column };
  });
}

/**
 * Fixed SQL text with positional parameters ($1, $2, …) as a drizzle query, so one statement text serves both a named
 * prepared statement (`Database.prepared`) and any executor, a transaction included.
 */
export function positionalSql(text: string, params: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    // sql.param: a bare array in drizzle's template would become a list of parameters, not one array parameter.
    chunks.push(i % 2 === 0 ? sql.raw(parts[i]!) : sql`${sql.param(params[Number(parts[i]) - 1])}`);
  }
  return sql.join(chunks, sql``);
}
