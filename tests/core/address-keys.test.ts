// A feed's address as people are shown it: the value of every query parameter holding a key
// (api keys, tokens, signatures, passwords) replaced by …, every other part as it was.
import { describe, expect, it } from 'vitest';
import { keysText, shownAddress } from '../../src/core/address-keys.js';

describe('GIVEN a feed address with a key in its query', () => {
  it.each(['apikey', 'api_key', 'api-key', 'apiKey', 'key', 'token', 'access_token', 'auth', 'signature', 'sig', 'secret', 'password', 'client_secret', 'X-Amz-Signature', 'subscription-key', 'appid'])(
    'WHEN the key is named %s THEN its value is shown as …',
    (name) => {
      expect(shownAddress(`https://wire.example/feed.xml?q=syria&${name}=SECRET123&lang=en`)).toBe(`https://wire.example/feed.xml?q=syria&${name}=…&lang=en`);
    },
  );

  it('WHEN it holds two keys THEN both are hidden and named', () => {
    const url = 'https://wire.example/feed.xml?token=A1&sig=B2';
    expect(shownAddress(url)).toBe('https://wire.example/feed.xml?token=…&sig=…');
    expect(keysText(url)).toBe('token and sig');
  });
});

describe('GIVEN a feed address without a key', () => {
  it.each(['https://wire.example/feed.xml', 'https://wire.example/feed.xml?q=syria&keywords=sweida&author=ana&page=2', 'https://wire.example/feed.xml?key=', 'https://wire.example/feed.xml?token'])(
    'WHEN it is %s THEN it is shown as it is',
    (url) => {
      expect(shownAddress(url)).toBe(url);
    },
  );
});
