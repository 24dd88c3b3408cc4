import { fixtures, params } from '../fixtures';
import { handler } from '../../functions/ignore.protected';
import { answerOf, installRuntime, installTwilio } from '../helpers/runtime-globals';
import { quietConsole } from '../helpers/quiet-console';

beforeAll(() => {
  installTwilio();
  installRuntime(() => ({}));
});
beforeEach(() => {
  quietConsole();
});
afterEach(() => jest.restoreAllMocks());

const everything = { AUTO_REPLY_MESSAGE: 'hi', FORWARD_TO: '+15551230001', DEFAULT_MODE: 'forward' };

describe('/ignore', () => {
  test.each(Object.keys(fixtures) as (keyof typeof fixtures)[])(
    'answers <Response/> to the %s fixture',
    async (name) => {
      expect(await answerOf(handler, params(fixtures[name]))).toEqual({ messages: [] });
    },
  );

  test('answers <Response/> whatever the environment says', async () => {
    expect(await answerOf(handler, params(fixtures.mms), everything)).toEqual({ messages: [] });
  });

  test('answers <Response/> to no parameters at all', async () => {
    expect(await answerOf(handler, {})).toEqual({ messages: [] });
  });
});
