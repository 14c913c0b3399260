import type { DiscoveryDocumentInput } from '@mge/contracts';
import { DiscoveryDocument } from '@mge/contracts';

/** One entity with string, email and boolean fields. */
export const userManagement = DiscoveryDocument.parse({
  domain: 'User management',
  summary: 'Create, list, update and delete the users of an application.',
  entities: [
    {
      name: 'User',
      description: 'A person who can sign in',
      fields: [
        { name: 'name', type: 'string', description: 'Full name' },
        { name: 'email', type: 'email' },
        { name: 'active', type: 'boolean', required: false },
      ],
    },
  ],
  assumptions: ['Emails are not required to be unique.'],
} satisfies DiscoveryDocumentInput);

/** Projects and their tasks: a date, a number, an optional boolean and one reference. */
export const taskTracker = DiscoveryDocument.parse({
  domain: 'Task tracker',
  entities: [
    {
      name: 'Task',
      fields: [
        { name: 'title', type: 'string' },
        { name: 'priority', type: 'number' },
        { name: 'done', type: 'boolean', required: false },
        { name: 'projectId', type: 'reference', references: 'Project' },
      ],
    },
    {
      name: 'Project',
      fields: [
        { name: 'name', type: 'string' },
        { name: 'deadline', type: 'date' },
      ],
    },
  ],
} satisfies DiscoveryDocumentInput);

/** A library: every field type, optional fields, two references, a two-word entity, an enum and unique fields. */
export const library = DiscoveryDocument.parse({
  domain: 'Library lending',
  summary: 'Books, members and the loans between them.',
  entities: [
    {
      name: 'Loan',
      fields: [
        { name: 'bookId', type: 'reference', references: 'Book' },
        { name: 'memberId', type: 'reference', references: 'Member', onDelete: 'cascade' },
        { name: 'loanedOn', type: 'date' },
        { name: 'returnedOn', type: 'date', required: false },
        { name: 'renewals', type: 'integer', required: false },
        { name: 'status', type: 'string', values: ['open', 'returned', 'lost'] },
      ],
    },
    {
      name: 'Book',
      fields: [
        { name: 'title', type: 'string' },
        { name: 'pages', type: 'integer' },
        { name: 'price', type: 'number', required: false },
        { name: 'available', type: 'boolean' },
      ],
    },
    {
      name: 'Member',
      fields: [
        { name: 'fullName', type: 'string' },
        { name: 'email', type: 'email', unique: true },
        { name: 'joinedOn', type: 'date' },
        { name: 'newsletter', type: 'boolean', required: false },
      ],
    },
    {
      name: 'ShelfLocation',
      description: 'Where books stand; a location may sit inside another one',
      fields: [
        { name: 'label', type: 'string', unique: true },
        { name: 'parentId', type: 'reference', references: 'ShelfLocation', required: false },
        { name: 'floor', type: 'integer' },
      ],
    },
  ],
} satisfies DiscoveryDocumentInput);

/** Names that clash with shared symbols and globals, and two entities referencing each other. */
export const clashingNames = DiscoveryDocument.parse({
  domain: 'Routing console',
  entities: [
    {
      name: 'Config',
      fields: [
        { name: 'name', type: 'string' },
        { name: 'routeId', type: 'reference', references: 'Route', required: false },
      ],
    },
    {
      name: 'Route',
      fields: [
        { name: 'path', type: 'string' },
        { name: 'configId', type: 'reference', references: 'Config' },
      ],
    },
    {
      name: 'Response',
      fields: [
        { name: 'body', type: 'string' },
        { name: 'score', type: 'integer' },
      ],
    },
  ],
} satisfies DiscoveryDocumentInput);
