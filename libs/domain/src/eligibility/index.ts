export * from './eligibility-facts.js';
export * from './eligibility-assessment.js';
export * from './scheme-editions.js';
export * from './impossible-facts.js';
export { eligibilityRules, type EligibilityRule, type RuleContext } from './eligibility-rules.js';
export * from './assess-eligibility.js';
