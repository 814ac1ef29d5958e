import { S3DocumentStorage, signatureV4 } from '@redress/persistence';

describe('S3 SigV4 signing', () => {
  it('matches the AWS documented example (GET Object with a Range header)', () => {
    // docs.aws.amazon.com AmazonS3 API "Signature Calculations for the Authorization Header", example GET Object.
    const authorization = signatureV4({
      method: 'GET',
      path: '/test.txt',
      headers: {
        Host: 'examplebucket.s3.amazonaws.com',
        Range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      amzDate: '20130524T000000Z',
    });
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('puts, gets and deletes by path-style URL, signed, with server-side encryption asked for', async () => {
    const calls: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
    const fakeFetch = (async (url: URL, init: RequestInit) => {
      calls.push({ url: String(url), method: String(init.method), headers: init.headers as Record<string, string> });
      return new Response(init.method === 'GET' ? 'content' : null, { status: init.method === 'DELETE' ? 404 : 200 });
    }) as unknown as typeof fetch;
    const storage = new S3DocumentStorage(
      {
        endpoint: 'https://s3.eu-west-2.amazonaws.com',
        bucket: 'evidence',
        region: 'eu-west-2',
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'secret',
        serverSideEncryption: 'aws:kms',
      },
      fakeFetch,
    );
    await storage.put('applications/a1/d1', Buffer.from('%PDF-1.7'), 'application/pdf');
    expect((await storage.get('applications/a1/d1')).toString()).toBe('content');
    await storage.delete('applications/a1/d1');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'PUT https://s3.eu-west-2.amazonaws.com/evidence/applications/a1/d1',
      'GET https://s3.eu-west-2.amazonaws.com/evidence/applications/a1/d1',
      'DELETE https://s3.eu-west-2.amazonaws.com/evidence/applications/a1/d1',
    ]);
    expect(calls[0]!.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(calls[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-server-side-encryption, Signature=[0-9a-f]{64}$/,
    );
  });
});
