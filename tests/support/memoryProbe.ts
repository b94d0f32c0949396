// Preloaded into the real server by the soak test (node --expose-gc --import):
// on SIGUSR2 it runs a full GC and writes process.memoryUsage() to
// $MEMORY_PROBE_FILE, so growth is measured on live objects, not GC timing.
import { writeFileSync } from 'node:fs';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
