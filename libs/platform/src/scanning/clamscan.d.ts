// The part of the `clamscan` package (no types of its own) that ClamdMalwareScanner uses.
declare module 'clamscan' {
  import type { Readable } from 'node:stream';

  interface NodeClamOptions {
    removeInfected?: boolean;
    debugMode?: boolean;
    scanLog?: string | null;
    clamscan?: { active?: boolean };
    clamdscan?: {
      socket?: string | false;
      host?: string | false;
      port?: number | false;
      timeout?: number;
      localFallback?: boolean;
      active?: boolean;
      bypassTest?: boolean;
    };
    preference?: 'clamscan' | 'clamdscan';
  }

  export default class NodeClam {
    init(options: NodeClamOptions): Promise<NodeClam>;
    scanStream(stream: Readable): Promise<{ isInfected: boolean | null; viruses: string[] }>;
  }
}
