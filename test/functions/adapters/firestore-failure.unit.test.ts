/** What a user reads when Firestore refuses: Indonesian reasons, never the library's own text. */

import { StoreError } from '../../../functions/src/adapters/emulator-store';
import { firestoreFailure } from '../../../functions/src/adapters/firestore-failure';
import { userMessage } from '../../../functions/src/failure';

/** A rejection as @google-cloud/firestore gives it: an Error with the gRPC status as `code`. */
const grpc = (code: number, text: string) => Object.assign(new Error(`${code} ${text}`), { code });

test.each([
  [7, 'PERMISSION_DENIED: Missing or insufficient permissions.', /tidak berizin .*Cloud Datastore User/],
  [14, 'UNAVAILABLE: No connection established', /server Firestore tidak tersedia \(UNAVAILABLE\)/],
  [16, 'UNAUTHENTICATED: Request had invalid authentication credentials.', /kredensial Google tidak sah/],
  [4, 'DEADLINE_EXCEEDED: Deadline exceeded', /tidak menjawab tepat waktu/],
  [5, 'NOT_FOUND: The database (default) does not exist', /basis data Firestore tidak ditemukan/],
])('gRPC status %i is explained, its English text is not quoted', (code, text, expected) => {
  const said = firestoreFailure(grpc(code, text));
  expect(said).toMatch(expected);
  expect(said).not.toContain(text.split(': ')[1]);
});

test('an unlisted status is named by its number', () => {
  expect(firestoreFailure(grpc(15, 'DATA_LOSS: x'))).toBe('Firestore menolak permintaan (kode gRPC 15).');
});

test('missing Application Default Credentials get the setup hint', () => {
  const said = firestoreFailure(
    new Error(
      'Could not load the default credentials. Browse to https://cloud.google.com/docs/authentication',
    ),
  );
  expect(said).toMatch(/^kredensial Google tidak ditemukan/);
  expect(said).not.toContain('Browse to');
});

test("the product's own Indonesian errors keep their message; JavaScript failures are named only", () => {
  expect(firestoreFailure(new StoreError('berkas data lokal rusak'))).toBe('berkas data lokal rusak');
  const bug = firestoreFailure(new TypeError("Cannot read properties of undefined (reading 'x')"));
  expect(bug).toMatch(/^terjadi kesalahan internal \(TypeError\)/);
  expect(bug).not.toContain('Cannot read');
  expect(userMessage('a string thrown')).toMatch(/kesalahan internal \(string\)/);
});
