/** 听证会 (issue 8, module 7): the hearing workflow and publication rules. */
export * from './hearing-workflow';
