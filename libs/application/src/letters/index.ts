export * from './decision-letter-ports.js';
export * from './render-decision-letter/render-decision-letter.command.js';
export * from './render-decision-letter/render-decision-letter.use-case.js';
export * from './staff-letters/staff-letters.js';
