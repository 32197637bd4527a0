/** The map's value under `key`, made and kept on first use (the caches of one value reader). */
export function memo<Value>(map: Map<string, Value>, key: string, make: () => Value): Value {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
