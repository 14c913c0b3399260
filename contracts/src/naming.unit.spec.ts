import { describe, expect, it } from '@jest/globals';
import { collectionName, singularizeWord, toCamelCase, toKebabCase, toPascalCase } from './naming.js';

describe('naming', () => {
  it.each([
    ['Book', 'books'],
    ['OrderItem', 'order-items'],
    ['Category', 'categories'],
    ['Person', 'people'],
    ['Address', 'addresses'],
    ['Box', 'boxes'],
  ])('collection of %s is %s', (entity, collection) => {
    expect(collectionName(entity)).toBe(collection);
  });

  it('converts casings', () => {
    expect(toCamelCase('due date')).toBe('dueDate');
    expect(toPascalCase('order item')).toBe('OrderItem');
    expect(toKebabCase('OrderItem')).toBe('order-item');
  });

  it.each([
    ['books', 'book'],
    ['categories', 'category'],
    ['people', 'person'],
    ['addresses', 'address'],
    ['status', 'status'],
  ])('singular of %s is %s', (plural, singular) => {
    expect(singularizeWord(plural)).toBe(singular);
  });
});
