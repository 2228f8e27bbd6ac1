// Script Properties for one execution: read all at once (one call) and written through, so a
// trigger that looks at several keys pays one round trip.
export class ScriptProps {
  private values: Record<string, string> | null = null;
  private readonly store = PropertiesService.getScriptProperties();

  private all(): Record<string, string> {
    // Already a copy of its own ("Gets a copy of all key-value pairs in the current Properties
    // store": Properties.getProperties, Apps Script reference), so it is not copied again.
    if (this.values === null) this.values = this.store.getProperties();
    return this.values;
  }

  get(key: string): string | null {
    return this.all()[key] ?? null;
  }

  /** Keys starting with a prefix, with their values. */
  withPrefix(prefix: string): Record<string, string> {
    // The keys in the store's order, as Object.entries gives them, without a [key, value] pair
    // made for each (every execution asks for its cached Settings by prefix).
    const all = this.all();
    const keys = Object.keys(all);
    const out: Record<string, string> = {};
    for (let i = 0; i < keys.length; i++)
      if (keys[i].startsWith(prefix)) out[keys[i]] = all[keys[i]];
    return out;
  }

  set(key: string, value: string): void {
    this.store.setProperty(key, value);
    this.all()[key] = value;
  }

  setMany(values: Record<string, string>): void {
    this.store.setProperties(values, false);
    Object.assign(this.all(), values);
  }

  delete(key: string): void {
    if (this.get(key) === null) return;
    this.store.deleteProperty(key);
    delete this.all()[key];
  }
}
