/** 群众工作台账 (mass-work registry) rules: duty roster, recurring receptions, reception coverage, diary compliance. */
export * from './roster';
export * from './recurrence';
export * from './reception-coverage';
export * from './diary-compliance';
