export * from './types';
export * from './duty-level';
export * from './propose';
