export * from './reference';
export * from './users';
export * from './appeal-writes';
export * from './appeal-reads';
export * from './jobs';
export * from './admin';
export * from './intake-write';
export * from './routing';
