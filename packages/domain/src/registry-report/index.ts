/** 群众工作月度考核 (issue 8 module 9): module figures, weights per tier, scores and ranks. */
export * from './modules';
export * from './figures';
export * from './score';
