/** health: liveness for the load balancer and for a quick check after deploying; no auth, no I/O. */
import type { HttpFunction } from '@google-cloud/functions-framework';

export const health: HttpFunction = (_req, res) => {
  res.status(200).set('Cache-Control', 'no-store').json({ status: 'ok', layanan: 'bangkom' });
};
