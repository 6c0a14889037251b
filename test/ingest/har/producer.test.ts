import { describe, expect, test } from 'vitest';
import { describeProducer } from '../../../src/ingest/har/producer.js';

const devtools = { name: 'WebInspector', version: '537.36' };
const chromeUa = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('describeProducer', () => {
  test('DevTools exports are told apart by the browser field or the request headers', () => {
    expect(describeProducer(devtools, undefined, {})).toBe('Chrome DevTools (WebInspector 537.36)');
    expect(describeProducer(devtools, undefined, { userAgent: chromeUa })).toBe('Chrome 131 DevTools (WebInspector 537.36)');
    expect(describeProducer(devtools, undefined, { userAgent: `${chromeUa} Edg/131.0.2903.70` })).toBe('Edge 131 DevTools (WebInspector 537.36)');
    expect(describeProducer(devtools, undefined, { userAgent: chromeUa, secChUa: '"Brave";v="131", "Chromium";v="131", "Not_A Brand";v="24"' })).toBe(
      'Brave 131 DevTools (WebInspector 537.36)',
    );
    expect(describeProducer(devtools, { name: 'Microsoft Edge', version: '120' }, {})).toBe('Microsoft Edge 120 DevTools (WebInspector 537.36)');
  });

  test('other producers', () => {
    expect(describeProducer({ name: 'Firefox', version: '111.0.1' }, { name: 'Firefox', version: '111.0.1' }, {})).toBe('Firefox 111.0.1');
    expect(describeProducer({ name: 'mitmproxy', version: '10.1.1' }, undefined, {})).toBe('mitmproxy 10.1.1');
    expect(describeProducer({ name: 'Playwright', version: '1.48.2' }, { name: 'chromium', version: '130.0' }, {})).toBe('Playwright 1.48.2 (chromium 130.0)');
    expect(describeProducer({ name: 'WebKit Web Inspector', version: '1.0' }, undefined, { userAgent: 'Version/17.1 Safari/605.1.15' })).toBe(
      'Safari 17.1 (WebKit Web Inspector 1.0)',
    );
    expect(describeProducer(undefined, undefined, { userAgent: chromeUa })).toBeUndefined();
    expect(describeProducer({ version: '1' }, undefined, {})).toBeUndefined();
  });
});
