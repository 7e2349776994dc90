export * from './types';
export * from './transitions';
export * from './decide';
export * from './problem';
