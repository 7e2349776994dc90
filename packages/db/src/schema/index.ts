export * from './tenancy';
export * from './organisation';
export * from './appeals';
export * from './routing';
export * from './text';
export * from './knowledge';
export * from './public';
export * from './assessment';
