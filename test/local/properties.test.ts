import { RuntimeContext } from '../../local/runtime/context';
import { PropertiesServiceImpl } from '../../local/runtime/properties';

const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function setup() {
  const ctx = new RuntimeContext({ now: Date.UTC(2024, 6, 30, 3, 0), timeZone: 'Asia/Tokyo' });
  ctx.execution = { kind: 'trigger', functionName: 'x', user: 'staff@example.org', id: 1 };
  return { ctx, service: new PropertiesServiceImpl(ctx) };
}

describe('Properties (Properties reference)', () => {
  test('getProperty returns null for a key that was never set', () => {
    const { service } = setup();
    expect(service.getScriptProperties().getProperty('lastId')).toBeNull();
  });

  test('setProperty stores a string and returns the Properties for chaining', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    expect(props.setProperty('lastId', 12 as unknown as string).setProperty('flag', 'on')).toBe(
      props,
    );
    expect(service.getScriptProperties().getProperty('lastId')).toBe('12');
    expect(typeof service.getScriptProperties().getProperty('lastId')).toBe('string');
  });

  test('setProperties adds to the store; with deleteAllOthers it replaces it', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperty('a', '1');
    props.setProperties({ b: '2', c: 3 as unknown as string });
    expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    props.setProperties({ d: '4' }, true);
    expect(props.getProperties()).toEqual({ d: '4' });
    expect(props.getKeys()).toEqual(['d']);
  });

  test('getProperties returns a copy: changing it does not change the store', () => {
    const { service } = setup();
    const props = service.getScriptProperties().setProperty('a', '1');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
  });

  test('getProperties gives every key as an own property, "__proto__" and "constructor" too (Properties.getProperties: "a copy of all key-value pairs"), in the order the store holds them (the reference does not say: the order the runtime always gave)', () => {
    // https://developers.google.com/apps-script/reference/properties/properties#getProperties()
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperties({ b: '2', a: '1' });
    props.setProperty('__proto__', 'p');
    props.setProperty('constructor', 'c');
    const all = props.getProperties();
    expect(Object.keys(all)).toEqual(['b', 'a', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(all, '__proto__')).toEqual({
      value: 'p',
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(all.constructor).toBe('c');
  });

  test('deleteProperty and deleteAllProperties remove keys', () => {
    const { service } = setup();
    const props = service.getDocumentProperties().setProperties({ a: '1', b: '2' });
    props.deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('script, document and user stores are separate; user properties belong to the execution user', () => {
    const { ctx, service } = setup();
    service.getScriptProperties().setProperty('k', 'script');
    service.getDocumentProperties().setProperty('k', 'document');
    service.getUserProperties().setProperty('k', 'staff');
    expect(service.getScriptProperties().getProperty('k')).toBe('script');
    expect(service.getDocumentProperties().getProperty('k')).toBe('document');
    ctx.execution = { kind: 'editor', functionName: 'y', user: 'other@example.org', id: 2 };
    expect(service.getUserProperties().getProperty('k')).toBeNull();
    expect(service.userStore('staff@example.org').get('k')).toBe('staff');
  });

  test("a value over 9 KB throws 'Argument too large: value' and stores nothing (Quotas: 9 KB per value)", () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    // Size is in bytes: 3,100 Japanese characters are 9,300 UTF-8 bytes.
    expect(() => props.setProperty('big', '伴'.repeat(3100))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });

  test('a store over 500 KB throws the property storage quota error and keeps what it had', () => {
    const { service } = setup();
    const props = service.getScriptProperties();
    const value = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, value); // ≈ 504,000 bytes + keys
    expect(() => props.setProperty('k56', value)).toThrow(STORE_FULL);
    expect(() => props.setProperties({ n1: value, n2: value })).toThrow(STORE_FULL);
    expect(props.getKeys()).toHaveLength(56);
    expect(props.getProperty('n1')).toBeNull();
    // Replacing a value with one of the same size still fits.
    props.setProperty('k0', 'y'.repeat(9000));
    expect(props.getProperty('k0')?.[0]).toBe('y');
  });

  test("each call is counted as a 'Properties' round trip", () => {
    const { ctx, service } = setup();
    const props = service.getScriptProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    expect(ctx.counter.counts.calls.Properties).toBe(4);
    expect(ctx.counter.counts.byMethod['Properties.getProperty']).toBe(2);
  });
});
