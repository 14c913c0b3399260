import { describe, expect, it } from '@jest/globals';
import { ValidationFailure } from '@mge/kit/errors';
import { CorpusEntry, joinCorpora, parseCorpus } from './corpus.js';
import { evaluateDiscovery } from './evaluate.js';
import { metricOf, metricsOf, worstOf } from './metrics.js';
import { scoreEntry, type Entity } from './score.js';

const entry = CorpusEntry.parse({
  id: 'school',
  domain: 'school',
  style: 'terse',
  request: 'Students (name, email) enroll in courses (title). Teachers teach courses.',
  entities: [
    {
      name: 'Student',
      fields: [
        { name: 'name', type: 'string' },
        { name: 'email', type: 'email', unique: true },
      ],
    },
    { name: 'Course', fields: [{ name: 'title', type: 'string' }] },
    { name: 'Teacher', fields: [] },
  ],
  relations: [
    { from: 'Student', to: 'Course', kind: 'many-to-many' },
    { from: 'Course', to: 'Teacher' },
  ],
});

const field = (name: string, type: Entity['fields'][number]['type'] = 'string', required = true) => ({
  name,
  type,
  required,
  description: '',
});
const ref = (name: string, references: string) => ({ ...field(name, 'reference'), references });
const entity = (name: string, fields: Entity['fields']): Entity => ({ name, description: '', fields });

describe('scoreEntry', () => {
  it('counts a perfect reading, with a join entity standing for the many-to-many relation', () => {
    const read = [
      entity('Student', [field('name'), { ...field('email', 'email'), unique: true }]),
      entity('Course', [field('title'), ref('teacherId', 'Teacher')]),
      entity('Teacher', [field('name')]), // default fields of an entity given none are not counted
      entity('Enrollment', [ref('studentId', 'Student'), ref('courseId', 'Course')]),
    ];
    const score = scoreEntry(entry, read);
    expect(score.counts).toEqual({
      entities: { tp: 3, fp: 0, fn: 0 },
      fields: { tp: 3, fp: 0, fn: 0 },
      types: { tp: 3, fp: 0, fn: 0 },
      required: { tp: 3, fp: 0, fn: 0 },
      relations: { tp: 2, fp: 0, fn: 0 },
      enums: { tp: 0, fp: 0, fn: 0 },
      unique: { tp: 1, fp: 0, fn: 0 },
    });
  });

  it('takes an unlabelled join over a labelled entity that also names both sides', () => {
    const labelled = CorpusEntry.parse({
      ...entry,
      entities: [...entry.entities, { name: 'Grade', fields: [] }],
      relations: [...entry.relations, { from: 'Grade', to: 'Student' }, { from: 'Grade', to: 'Course' }],
    });
    const read = [
      entity('Grade', [ref('studentId', 'Student'), ref('courseId', 'Course')]),
      entity('Student', [field('name'), { ...field('email', 'email'), unique: true }]),
      entity('Course', [field('title'), ref('teacherId', 'Teacher')]),
      entity('Teacher', []),
      entity('CourseStudent', [ref('studentId', 'Student'), ref('courseId', 'Course')]),
    ];
    expect(scoreEntry(labelled, read).counts.relations).toEqual({ tp: 4, fp: 0, fn: 0 });
  });

  it('names what a wrong reading missed and added', () => {
    const read = [
      // the course swallowed into the student as a text field; the email read as a string
      entity('Student', [field('name'), field('email'), field('courses')]),
      entity('Teacher', [field('name'), ref('studentId', 'Student')]),
    ];
    const score = scoreEntry(entry, read);
    expect(score.missing.entities).toEqual(['Course']);
    expect(score.extra.fields).toEqual(['Student.courses']);
    expect(score.missing.fields).toEqual(['Course.title']);
    expect(score.missing.types).toEqual(['Student.email:email', 'Course.title:string']);
    expect(score.missing.relations).toEqual(['Course<->Student', 'Course->Teacher']);
    expect(score.extra.relations).toEqual(['Teacher->Student']);
    expect(score.counts.entities).toEqual({ tp: 2, fp: 0, fn: 1 });
  });

  it('counts optional where required was meant as a required-ness miss only', () => {
    const read = [entity('Student', [field('name', 'string', false), field('email', 'email')])];
    const score = scoreEntry(entry, read);
    expect(score.counts.types.tp).toBe(2);
    expect(score.missing.required).toContain('Student.name:required');
    expect(score.extra.required).toEqual(['Student.name:optional']);
  });
});

describe('metrics', () => {
  it('computes precision, recall and F1, and 1 where nothing was expected or read', () => {
    expect(metricOf({ tp: 8, fp: 2, fn: 0 })).toMatchObject({ precision: 0.8, recall: 1 });
    expect(metricOf({ tp: 8, fp: 2, fn: 0 }).f1).toBeCloseTo(0.8889, 4);
    expect(metricOf({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(metricOf({ tp: 0, fp: 1, fn: 1 }).f1).toBe(0);
  });

  it('sums counts over entries and ranks the worst readings first', () => {
    const good = scoreEntry(entry, [
      entity('Student', [field('name'), field('email', 'email')]),
      entity('Course', [field('title'), ref('teacherId', 'Teacher')]),
      entity('Teacher', []),
      entity('Enrollment', [ref('studentId', 'Student'), ref('courseId', 'Course')]),
    ]);
    const bad = { ...scoreEntry(entry, []), id: 'unread' };
    expect(metricsOf([good, bad]).entities).toMatchObject({ tp: 3, fp: 0, fn: 3, recall: 0.5 });
    expect(worstOf([good, bad], 5).map((s) => s.id)).toEqual(['unread']);
  });
});

describe('evaluateDiscovery', () => {
  it('scores a request the reader refuses as unread, and lists it with its error', () => {
    const result = evaluateDiscovery([entry], () => {
      throw new ValidationFailure('cannot read it');
    });
    expect(result.unread).toBe(1);
    expect(result.worst[0]).toMatchObject({ id: 'school', error: 'cannot read it' });
    expect(result.missed).toEqual(['entities', 'fields', 'relations']);
  });
});

describe('parseCorpus', () => {
  it('names the file, the entry and the field of a labelling mistake', () => {
    const text = `- id: x\n  domain: d\n  style: terse\n  request: r\n  entities:\n    - name: pet\n      fields: []\n`;
    expect(() => parseCorpus(text, 'a.yaml')).toThrow(
      /a\.yaml is not a discovery corpus: 0\.entities\.0\.name: must be PascalCase/,
    );
  });

  it('refuses a relation to an entity that is not listed, and an id used twice', () => {
    const text = `- id: x\n  domain: d\n  style: terse\n  request: r\n  entities: [{ name: Pet, fields: [] }]\n  relations: [{ from: Pet, to: Owner }]\n`;
    expect(() => parseCorpus(text, 'a.yaml')).toThrow(/0\.relations\.0\.to: Owner is not a listed entity/);
    const one = parseCorpus(text.replace(/ {2}relations.*\n/, ''), 'a.yaml');
    expect(() =>
      joinCorpora([
        { file: 'a.yaml', entries: one },
        { file: 'b.yaml', entries: one },
      ]),
    ).toThrow('b.yaml: id x is also in a.yaml');
  });
});
