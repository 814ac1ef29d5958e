import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { freePort, startCitizenStack, type CitizenStack } from './citizen-web.js';
import { TestOidcProvider } from './oidc-provider.js';

export const ONE_LOGIN_CLIENT_ID = 'redress-citizen-web';

export interface OneLoginStack {
  provider: TestOidcProvider;
  stack: CitizenStack;
  webUrl: string;
  close(): Promise<void>;
}

/**
 * A local provider configured as GOV.UK One Login is, the citizen web registered with it (private_key_jwt, redirect,
 * post-logout and back-channel logout URIs), the web with `CITIZEN_SIGN_IN=one-login` and the API in oidc mode.
 */
export async function startOneLoginStack(): Promise<OneLoginStack> {
  const port = await freePort();
  const webUrl = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = JSON.parse(JSON.stringify({ ...(await exportJWK(publicKey)), kid: 'web-1', alg: 'ES256' })) as object;
  const provider = await TestOidcProvider.start({
    clients: [
      {
        client_id: ONE_LOGIN_CLIENT_ID,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [jwk] },
        id_token_signed_response_alg: 'ES256',
        redirect_uris: [`${webUrl}/sign-in/callback`],
        post_logout_redirect_uris: [`${webUrl}/signed-out`],
        backchannel_logout_uri: `${webUrl}/sign-in/back-channel-logout`,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
  });
  const stack = await startCitizenStack({
    webPort: port,
    apiOverrides: {
      CITIZEN_AUTH_MODE: 'oidc',
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: 'https://api.redress.test/citizen',
      OIDC_JWKS_URL: provider.jwksUrl,
      OIDC_ALGORITHM: 'ES256',
      OIDC_CLIENT_ID: ONE_LOGIN_CLIENT_ID,
    },
    webOverrides: {
      CITIZEN_SIGN_IN: 'one-login',
      ONE_LOGIN_ISSUER: provider.issuer,
      ONE_LOGIN_CLIENT_ID: ONE_LOGIN_CLIENT_ID,
      ONE_LOGIN_PRIVATE_KEY: await exportPKCS8(privateKey),
      ONE_LOGIN_PRIVATE_KEY_ID: 'web-1',
      PUBLIC_URL: webUrl,
    },
  });
  return {
    provider,
    stack,
    webUrl,
    async close() {
      await stack.close();
      await provider.stop();
    },
  };
}
