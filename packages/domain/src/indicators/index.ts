export * from './definitions';
export * from './facts';
export * from './clock-judgement';
export * from './members';
export * from './period';
export * from './assessment';
