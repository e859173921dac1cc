/**
 * A Storage kept in memory, for when the browser denies a page its own (a third-party frame with third-party cookies
 * blocked, storage switched off): what is kept lives as long as the page.
 */
export function memoryStorage(): Storage {
  const memory = new Map<string, string>();
  return {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (key) => memory.get(key) ?? null,
    key: (index) => [...memory.keys()][index] ?? null,
    removeItem: (key) => {
      memory.delete(key);
    },
    setItem: (key, value) => {
      memory.set(key, String(value));
    },
  };
}
