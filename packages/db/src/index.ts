export * from './connection';
export * from './ids';
export * as schema from './schema';
export * from './crypto/pii-cipher';
export * from './repositories';
export * from './seed';
export * from './raw';
export * from './errors';
