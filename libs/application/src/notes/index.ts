export * from './add-note/add-note.command.js';
export * from './add-note/add-note.use-case.js';
