/**
 * The dev server and the CLI load the embedded Firestore emulator only when they start it:
 * without the development dependency, the user learns what to install, in Indonesian.
 * (The emulator tests and the dev server's test start it through the same loader.)
 */
afterEach(() => {
  jest.dontMock('../../../functions/src/adapters/emulator');
  jest.resetModules();
});

function missing(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- emulator.js`), {
    code: 'MODULE_NOT_FOUND',
  });
}

describe('startEmbeddedEmulator', () => {
  it('explains how to install the emulator when its package is absent', async () => {
    jest.doMock('../../../functions/src/adapters/emulator', () => {
      throw missing('@firestore-emulator/server');
    });
    const { startEmbeddedEmulator } = await import('../../../functions/src/adapters/emulator-loader.js');
    await expect(startEmbeddedEmulator()).rejects.toThrow(
      /^Emulator Firestore bawaan \(@firestore-emulator\/server\) tidak terpasang: .*--omit=dev.*FIRESTORE_EMULATOR_HOST/,
    );
  });

  it('passes any other failure on as it is', async () => {
    jest.doMock('../../../functions/src/adapters/emulator', () => {
      throw missing('immer');
    });
    const { startEmbeddedEmulator } = await import('../../../functions/src/adapters/emulator-loader.js');
    await expect(startEmbeddedEmulator()).rejects.toThrow(/^Cannot find module 'immer'/);
  });
});
