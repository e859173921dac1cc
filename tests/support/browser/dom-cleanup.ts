import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Unmount what each component test rendered (vitest runs without globals, so Testing Library cannot do it itself).
afterEach(() => cleanup());
