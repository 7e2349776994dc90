/** 民生事项代办 (issue 8, module 8): catalogue levels and the proxy request's workflow and working-day clock. */
export * from './proxy-workflow';
