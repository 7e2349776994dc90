export * from './seed-reference';
