export * from './appeal';
export * from './calendar';
export * from './deadlines/policy';
export * from './audit/hash-chain';
export * from './access/appeal-access';
export * from './settings';
export * from './validators';
export * from './masking';
