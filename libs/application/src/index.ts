// Use cases (one folder each: command + use case) and the ports they need. Filled by the feature issues.
export {};
