import { describe, expect, it } from '@jest/globals';
import { typeOfHint, typeOfName } from './field-types.js';

describe('typeOfName', () => {
  it.each([
    ['price', 'number'],
    ['unit price', 'number'],
    ['price per night', 'number'],
    ['salary', 'number'],
    ['stock count', 'integer'],
    ['quantity', 'integer'],
    ['rating', 'integer'],
    ['number of pages', 'integer'],
    ['email', 'email'],
    ['contact email', 'email'],
    ['email verified', 'boolean'],
    ['due date', 'date'],
    ['deadline', 'date'],
    ['created at', 'date'],
    ['published on', 'date'],
    ['done', 'boolean'],
    ['is active', 'boolean'],
    ['has children', 'boolean'],
    ['phone number', 'string'],
    ['title', undefined],
    ['priority', undefined],
  ])('%s → %s', (name, type) => {
    expect(typeOfName(name.split(' '))).toBe(type);
  });
});

describe('typeOfHint', () => {
  it.each([
    ['number', 'number'],
    ['an integer', 'integer'],
    ['Boolean', 'boolean'],
    ['date', 'date'],
    ['email', 'email'],
    ['text', 'string'],
    ['text/string', 'string'],
    ['yes/no', 'boolean'],
    ['number/date', undefined],
    ['1-5', undefined],
    ['uuid', undefined],
  ])('%s → %s', (hint, type) => {
    expect(typeOfHint(hint)).toBe(type);
  });
});
