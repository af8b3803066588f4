import { createContext } from '@lit/context';
import type { DataAdapter } from './adapter.js';

/**
 * The adapter context. The key is a global symbol so that widgets and `<si-data-source>` from two
 * copies of the bundle still find each other.
 */
export const adapterContext = createContext<DataAdapter | undefined>(Symbol.for('@sozial-innovativ/adapter'));
