import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyAction, type ComboboxState } from './keyboard';

const closed: ComboboxState = { count: 3, open: false, active: -1, value: 'khai', minChars: 2 };
const open: ComboboxState = { ...closed, open: true };

describe('the search box’s keyboard model', () => {
  test('Down on a closed list opens it on the first suggestion', () => {
    assert.deepEqual(keyAction(closed, 'ArrowDown'), { do: 'highlight', active: 0, prevent: true });
  });

  test('Up on a closed list opens it on the last suggestion', () => {
    assert.deepEqual(keyAction(closed, 'ArrowUp'), { do: 'highlight', active: 2, prevent: true });
  });

  test('Alt + Down opens the list without highlighting', () => {
    assert.deepEqual(keyAction(closed, 'ArrowDown', true), { do: 'highlight', active: -1, prevent: true });
  });

  test('Down and Up wrap around the open list', () => {
    assert.deepEqual(keyAction({ ...open, active: 2 }, 'ArrowDown'), { do: 'highlight', active: 0, prevent: true });
    assert.deepEqual(keyAction({ ...open, active: 0 }, 'ArrowUp'), { do: 'highlight', active: 2, prevent: true });
  });

  test('an arrow with nothing fetched asks for suggestions at once, if the text is long enough', () => {
    assert.deepEqual(keyAction({ ...closed, count: 0 }, 'ArrowDown'), { do: 'fetch', prevent: true });
    assert.deepEqual(keyAction({ ...closed, count: 0, value: 'k' }, 'ArrowDown'), { do: 'nothing', prevent: false });
  });

  test('Enter on a highlighted suggestion chooses it instead of submitting the typed text', () => {
    assert.deepEqual(keyAction({ ...open, active: 1 }, 'Enter'), { do: 'choose', index: 1, prevent: true });
  });

  test('Enter without a highlighted suggestion closes the list and lets the form submit', () => {
    assert.deepEqual(keyAction(open, 'Enter'), { do: 'close', prevent: false });
  });

  test('Escape closes an open list, then empties the box', () => {
    assert.deepEqual(keyAction(open, 'Escape'), { do: 'close', prevent: true });
    assert.deepEqual(keyAction(closed, 'Escape'), { do: 'clear', prevent: true });
    assert.deepEqual(keyAction({ ...closed, value: '' }, 'Escape'), { do: 'nothing', prevent: false });
  });

  test('Tab closes the list and moves on as usual', () => {
    assert.deepEqual(keyAction(open, 'Tab'), { do: 'close', prevent: false });
  });

  test('other keys are left to the browser', () => {
    assert.deepEqual(keyAction(open, 'a'), { do: 'nothing', prevent: false });
  });
});
