import { ConfigError, loadConfig } from '../../functions/src/config';

const base = {
  GOOGLE_CLOUD_PROJECT: 'pemkot-sawahlunto',
  BANGKOM_OAUTH_CLIENT_ID: 'a.apps.googleusercontent.com',
};

describe('loadConfig', () => {
  it('applies the defaults', () => {
    expect(loadConfig(base)).toEqual({
      GOOGLE_CLOUD_PROJECT: 'pemkot-sawahlunto',
      BANGKOM_OAUTH_CLIENT_ID: ['a.apps.googleusercontent.com'],
      BANGKOM_CERTS_URL: 'https://www.googleapis.com/oauth2/v1/certs',
      BANGKOM_TOKEN_ISSUERS: ['accounts.google.com', 'https://accounts.google.com'],
      BANGKOM_FIRESTORE_DATABASE: '(default)',
      BANGKOM_MEMBER_CACHE_SECONDS: 60,
      BANGKOM_TIME_ZONE: 'Asia/Jakarta',
    });
  });

  it('takes several client ids and treats empty variables as unset', () => {
    const c = loadConfig({
      ...base,
      BANGKOM_OAUTH_CLIENT_ID: ' a , b ',
      FIRESTORE_EMULATOR_HOST: '',
      BANGKOM_MEMBER_CACHE_SECONDS: '5',
    });
    expect(c.BANGKOM_OAUTH_CLIENT_ID).toEqual(['a', 'b']);
    expect(c.FIRESTORE_EMULATOR_HOST).toBeUndefined();
    expect(c.BANGKOM_MEMBER_CACHE_SECONDS).toBe(5);
  });

  it('names every missing or malformed variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({
        BANGKOM_CERTS_URL: 'bukan-url',
        BANGKOM_TIME_ZONE: 'Asia/Sawahlunto',
        FIRESTORE_EMULATOR_HOST: 'localhost',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const v of [
      'GOOGLE_CLOUD_PROJECT',
      'BANGKOM_OAUTH_CLIENT_ID',
      'BANGKOM_CERTS_URL',
      'BANGKOM_TIME_ZONE',
      'FIRESTORE_EMULATOR_HOST',
    ]) {
      expect(message).toContain(v);
    }
    expect(message).toContain('functions/DEPLOY.md');
  });
});
