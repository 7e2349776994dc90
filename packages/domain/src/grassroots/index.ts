/** 群众工作网络, 居情档案 and 矛盾纠纷排查预警 rules (issue 8, modules 3, 4 and 6). */
export * from './network-compliance';
export * from './community-files';
export * from './disputes';
