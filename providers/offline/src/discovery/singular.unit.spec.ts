import { describe, expect, it } from '@jest/globals';
import { entityNameOf, singularize } from './singular.js';

describe('singularize', () => {
  it.each([
    ['tasks', 'task'],
    ['categories', 'category'],
    ['courses', 'course'],
    ['houses', 'house'],
    ['statuses', 'status'],
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['archives', 'archive'],
    ['knives', 'knife'],
    ['shelves', 'shelf'],
    ['movies', 'movie'],
    ['quizzes', 'quiz'],
    ['sizes', 'size'],
    ['heroes', 'hero'],
    ['menus', 'menu'],
    ['skus', 'sku'],
    ['kpis', 'kpi'],
    ['status', 'status'],
    ['bonus', 'bonus'],
    ['anonymous', 'anonymous'],
    ['analysis', 'analysis'],
    ['people', 'person'],
    ['status', 'status'],
    ['canvas', 'canvas'],
    ['book', 'book'],
  ])('%s → %s', (plural, singular) => {
    expect(singularize(plural)).toBe(singular);
  });
});

describe('entityNameOf', () => {
  it.each([
    ['tasks', 'Task'],
    ['order items', 'OrderItem'],
    ['categories', 'Category'],
    ['Product entity', 'Product'],
    ["user's", 'User'],
  ])('%s → %s', (phrase, name) => {
    expect(entityNameOf(phrase)).toBe(name);
  });

  it('names no entity for a phrase without letters first', () => {
    expect(entityNameOf('3d models')).toBeUndefined();
    expect(entityNameOf('')).toBeUndefined();
  });
});
