import { defineConfig } from 'vitest/config';

// The machine running the suite is shared: give the phantom-sized tests room.
export default defineConfig({ test: { testTimeout: 60_000 } });
