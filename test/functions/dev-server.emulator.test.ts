/**
 * `npm run dev:functions` as a developer first runs it: no configuration at all. It starts
 * every function on loopback with an embedded Firestore and local tokens, prints a ready
 * Authorization header per member, and the functions answer as deployed ones do.
 */
import { spawnNode, waitFor } from './child';

describe('npm run dev:functions', () => {
  it('starts without configuration; staf writes with the printed token, no token is 401', async () => {
    const p = spawnNode(['--import', 'tsx', 'functions/src/dev-server.ts', '--port', '0'], {
      METADATA_SERVER_DETECTION: 'none',
      BANGKOM_DEV_SPREADSHEETS: '1DevProgramSpreadsheet0000',
    });
    try {
      await waitFor(() => p.output().includes('Ctrl+C') || p.child.exitCode !== null, 45_000);
      const out = p.output();
      expect(out).toMatch(/BANGKOM_OAUTH_CLIENT_ID tidak diisi/);
      const base = /berjalan di (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const staf = /# staf staf@lokal\.test[^\n]*\nAuthorization: (Bearer \S+)/.exec(out)?.[1];
      expect(base).toBeDefined();
      expect(staf).toBeDefined();

      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      const body = JSON.stringify({
        tenant: 'sawahlunto',
        sheet: 'Penilaian',
        responseId: 'dev-1',
        values: { NIP: '198001012005011001', Sumber: 'Diri', 'M.01': 4 },
      });
      const headers = { 'content-type': 'application/json' };
      const anonymous = await fetch(`${base}/ingestResponse`, { method: 'POST', headers, body });
      expect(anonymous.status).toBe(401);
      const stored = await fetch(`${base}/ingestResponse`, {
        method: 'POST',
        headers: { ...headers, authorization: staf as string },
        body,
      });
      expect(stored.status).toBe(200);
      expect(await stored.json()).toMatchObject({ stored: true, collection: 'assessments', id: 'dev-1' });
      // a spreadsheet registered at start is the tenant's; any other is refused before use
      const other = await fetch(`${base}/computeGaps`, {
        method: 'POST',
        headers: { ...headers, authorization: staf as string },
        body: JSON.stringify({ tenant: 'sawahlunto', spreadsheetId: '1SomeoneElsesSpreadsheet00' }),
      });
      expect(other.status).toBe(403);
      expect(out).toMatch(/Spreadsheet terdaftar: 1DevProgramSpreadsheet0000 \(sawahlunto\)/);
      const missing = await fetch(`${base}/tidakAda`);
      expect(missing.status).toBe(404);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }, 60_000);
});
