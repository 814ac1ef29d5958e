export * from './record-judgements/record-judgements.command.js';
export * from './record-judgements/record-judgements.use-case.js';
