/** health: liveness for the load balancer and for a quick check after deploying; no auth, no I/O. */
import type { HttpFunction } from '@google-cloud/functions-framework';

export const health: HttpFunction = (req, res) => {
  res.set('Cache-Control', 'no-store');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.set('Allow', 'GET, HEAD');
    res.status(405).json({ error: `Metode ${req.method} tidak didukung; gunakan GET.` });
    return;
  }
  res.status(200).json({ status: 'ok', layanan: 'bangkom' });
};
