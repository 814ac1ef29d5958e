export * from './bank-holidays-england-and-wales.js';
export * from './working-days.js';
