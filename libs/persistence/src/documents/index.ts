export * from './filesystem-document-storage.js';
export * from './s3-document-storage.js';
export * from './postgres-evidence-document-store.js';
export * from './reencrypt-document-files.js';
export * from './document-storage-config.js';
export * from './postgres-staff-document-queries.js';
