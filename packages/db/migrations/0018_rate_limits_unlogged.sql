-- Throttling counters need no crash safety: after a crash PostgreSQL empties an unlogged table, which only restarts
-- the current windows. Unlogged, every counted request (each portal look-up counts two) commits without waiting for
-- a WAL flush. Standbys hold no rows of it; only the primary counts and reads them.
ALTER TABLE "rate_limits" SET UNLOGGED;
