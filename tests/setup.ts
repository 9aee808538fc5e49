// Every unit test gets a fresh, in-memory IndexedDB and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

// Component tests: unmount what each test rendered (vitest runs without globals, so no automatic cleanup).
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
afterEach(() => cleanup());
