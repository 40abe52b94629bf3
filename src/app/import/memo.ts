/**
 * Memoised pure parsers for the import's hot path: golongan, education, jenis pegawai and the
 * jabatan level repeat across millions of rows with a few hundred distinct spellings, so each
 * distinct text is parsed once. The cache is bounded: when full it starts over, so a file of
 * all-different values costs no more memory than a normal one.
 */
const MAX_ENTRIES = 10_000;

export function memo<R>(parse: (key: string) => R): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let result = cache.get(key);
    if (result === undefined) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      result = parse(key);
      cache.set(key, result);
    }
    return result;
  };
}
