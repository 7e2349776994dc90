export * from './enums';
export * from './errors';
export * from './labels';
export * from './attachments';
