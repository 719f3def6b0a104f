/**
 * A token issuer on loopback that signs OIDC identity tokens the way Google does (RS256,
 * `kid` header, PEM keys published at a certs URL). For the tests and for
 * `npm run dev:functions -- --token-lokal`; the functions trust it only when
 * BANGKOM_CERTS_URL points at it, which is never the case in a deployment.
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenClaims {
  email: string;
  aud: string;
  iss?: string;
  sub?: string;
  email_verified?: boolean;
  /** seconds since the epoch; default now */
  iat?: number;
  /** seconds since the epoch; default iat + 3600 */
  exp?: number;
}

export interface LocalIssuer {
  certsUrl: string;
  issuer: string;
  /** A signed token; `privateKey` signs with another key under the same kid (a forgery). */
  sign(claims: TokenClaims, opts?: { privateKey?: KeyObject; kid?: string }): string;
  /** A key pair the certs URL does not publish. */
  strangerKey(): KeyObject;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startLocalIssuer(issuer = 'https://accounts.google.com'): Promise<LocalIssuer> {
  const kid = randomUUID().replace(/-/g, '');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const certs = { [kid]: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/oauth2/v1/certs')) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
      res.end(JSON.stringify(certs));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    certsUrl: `http://127.0.0.1:${port}/oauth2/v1/certs`,
    issuer,
    sign(claims, opts = {}) {
      const iat = claims.iat ?? Math.floor(Date.now() / 1000);
      const payload = {
        iss: issuer,
        sub: claims.sub ?? `sub-${claims.email}`,
        email_verified: true,
        iat,
        exp: iat + 3600,
        ...claims,
      };
      const header = { alg: 'RS256', kid: opts.kid ?? kid, typ: 'JWT' };
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
      const signature = sign('RSA-SHA256', Buffer.from(input), opts.privateKey ?? privateKey);
      return `${input}.${b64url(signature)}`;
    },
    strangerKey: () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
