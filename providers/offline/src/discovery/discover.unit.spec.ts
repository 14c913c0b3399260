import { describe, expect, it } from '@jest/globals';
import { DiscoveryDocument } from '@mge/contracts';
import { discover, DiscoveryInputError } from './index.js';

// `Task title:string done:boolean? projectId>Project`: `?` marks an optional field, `>` a reference.
function shape(doc: DiscoveryDocument): string[] {
  return doc.entities.map((e) => {
    const fields = e.fields.map((f) => {
      const optional = f.required ? '' : '?';
      return f.type === 'reference'
        ? `${f.name}>${f.references ?? ''}${optional}`
        : `${f.name}:${f.type}${optional}`;
    });
    return [e.name, ...fields].join(' ');
  });
}

const TASK_TRACKER =
  'A task tracker: projects have a name and a deadline; tasks have a title, a priority (number) and a done flag, and belong to a project.';
const LIBRARY =
  'Build a backend for a library: books have a title, an author and a published date (date); members have a name and an email; loans link a member to a book and have a due date.';

const PHRASINGS: ReadonlyArray<readonly [request: string, domain: string, entities: readonly string[]]> = [
  [
    'Create a REST API for user management',
    'user management',
    ['User name:string email:email role:string active:boolean?'],
  ],
  [
    TASK_TRACKER,
    'task tracker',
    [
      'Project name:string deadline:date',
      'Task title:string priority:number done:boolean? projectId>Project',
    ],
  ],
  [
    LIBRARY,
    'library',
    [
      'Book title:string author:string publishedDate:date',
      'Member name:string email:email',
      'Loan memberId>Member bookId>Book dueDate:date',
    ],
  ],
  ['books with a title, an author and a price', 'books', ['Book title:string author:string price:number']],
  ['projects have a name and a deadline', 'projects', ['Project name:string deadline:date']],
  [
    'a product has a name, a price (number) and a stock count',
    'products',
    ['Product name:string price:number stockCount:integer'],
  ],
  ['orders contain a date and a total', 'orders', ['Order date:date total:number']],
  [
    'enrollments link a student to a course',
    'enrollments, students and courses',
    ['Enrollment studentId>Student courseId>Course', 'Student name:string', 'Course name:string'],
  ],
  [
    'Each project has many tasks. Tasks have a title.',
    'projects and tasks',
    ['Project name:string', 'Task projectId>Project title:string'],
  ],
  [
    'A blog: posts have a title and a body; comments belong to a post.',
    'blog',
    ['Post title:string body:string', 'Comment postId>Post'],
  ],
  [
    'Tasks have a title, an optional description and a due date; each task can belong to a project',
    'tasks and projects',
    ['Task title:string description:string? dueDate:date projectId>Project?', 'Project name:string'],
  ],
  [
    'Users have a first name, a last name, an email address and a birthday',
    'users',
    ['User firstName:string lastName:string email:email birthday:date'],
  ],
  [
    'Create a REST API for books with a title, an author and a price',
    'books',
    ['Book title:string author:string price:number'],
  ],
  ['Build a todo list app', 'todo list', ['Todo title:string done:boolean? dueDate:date?']],
  [
    'Build a REST API for a blog',
    'blog',
    [
      'Author name:string email:email',
      'Post title:string body:string published:boolean? authorId>Author',
      'Comment body:string authorName:string postId>Post',
    ],
  ],
  [
    'Build an API for an online shop',
    'online shop',
    [
      'Product name:string price:number stock:integer',
      'Customer name:string email:email',
      'Order customerId>Customer orderDate:date total:number status:string',
      'OrderItem orderId>Order productId>Product quantity:integer unitPrice:number',
    ],
  ],
  [
    'Create an API for a library',
    'library',
    [
      'Book title:string author:string isbn:string publishedYear:integer',
      'Member name:string email:email',
      'Loan bookId>Book memberId>Member loanDate:date dueDate:date returned:boolean?',
    ],
  ],
  [
    'Create an inventory system',
    'inventory',
    [
      'Warehouse name:string location:string',
      'Item name:string sku:string quantity:integer warehouseId>Warehouse',
    ],
  ],
  [
    'Make me an address book',
    'address book',
    ['Contact firstName:string lastName:string email:email phone:string'],
  ],
  ['Create an API for notes', 'notes', ['Note title:string body:string pinned:boolean?']],
  [
    'Create an event booking API',
    'event booking',
    [
      'Event name:string startsAt:date location:string capacity:integer',
      'Booking eventId>Event attendeeName:string attendeeEmail:email seats:integer',
    ],
  ],
  ['Create a REST API for widgets', 'widgets', ['Widget name:string']],
  [
    'order items belong to an order and a product and have a quantity',
    'order items, orders and products',
    [
      'OrderItem orderId>Order productId>Product quantity:integer',
      'Order name:string',
      'Product name:string',
    ],
  ],
  [
    'Every customer has a name and an e-mail. Customers have many orders. Orders contain a date and a total.',
    'customers and orders',
    ['Customer name:string email:email', 'Order customerId>Customer date:date total:number'],
  ],
  [
    'Posts have a title, a body (text), a published flag and a view count; comments have a body and belong to a post',
    'posts and comments',
    ['Post title:string body:string published:boolean? viewCount:integer', 'Comment body:string postId>Post'],
  ],
  [
    'Employees belong to a department. Departments have a name and a budget.',
    'employees and departments',
    ['Employee departmentId>Department', 'Department name:string budget:number'],
  ],
  [
    'Tasks are assigned to users and have a title',
    'tasks and users',
    ['Task userId>User title:string', 'User name:string'],
  ],
  [
    'posts are written by an author; authors have a name',
    'posts and authors',
    ['Post authorId>Author', 'Author name:string'],
  ],
  ['Books: title, author, price (number)', 'books', ['Book title:string author:string price:number']],
  [
    'Products have a name, a price of type number, a weight as a number and stock: integer',
    'products',
    ['Product name:string price:number weight:number stock:integer'],
  ],
  [
    'Products (name, price), customers (name, email) and orders',
    'products, customers and orders',
    [
      'Product name:string price:number',
      'Customer name:string email:email',
      'Order customerId>Customer orderDate:date total:number status:string',
    ],
  ],
  [
    'users have a name, an email and a role, posts have a title, and each post belongs to a user',
    'users and posts',
    ['User name:string email:email role:string', 'Post title:string userId>User'],
  ],
  [
    'Create an API with a Product entity that has a name and a price',
    'products',
    ['Product name:string price:number'],
  ],
  [
    'invoices have a number, a due date, an amount and a paid flag',
    'invoices',
    ['Invoice number:string dueDate:date amount:number paid:boolean?'],
  ],
  [
    'Build an API: users have a username, a password and an isAdmin flag.',
    'users',
    ['User username:string password:string isAdmin:boolean?'],
  ],
  [
    'Loans link a member to a book and have a due date. Members have a name. Books have a title.',
    'loans, members and books',
    ['Loan memberId>Member bookId>Book dueDate:date', 'Member name:string', 'Book title:string'],
  ],
  [
    'Books have a title and an author. Authors have a name.',
    'books and authors',
    ['Book title:string authorId>Author', 'Author name:string'],
  ],
  ['Tasks have a title and can be completed', 'tasks', ['Task title:string completed:boolean?']],
  [
    'a user has an optional nickname, a birth date (date) and a signup year',
    'users',
    ['User nickname:string? birthDate:date signupYear:integer'],
  ],
  [
    'A library with books and members',
    'library',
    ['Book title:string author:string isbn:string publishedYear:integer', 'Member name:string email:email'],
  ],
  [
    'Create an API for projects and tasks',
    'projects and tasks',
    ['Project name:string deadline:date?', 'Task title:string done:boolean? dueDate:date? projectId>Project'],
  ],
  [
    'A task tracker: projects have a name, tasks have a title and belong to a project',
    'task tracker',
    ['Project name:string', 'Task title:string projectId>Project'],
  ],
  ['Users have a name. The name is optional.', 'users', ['User name:string?']],
  [
    'Please build me a CRUD API for cars with make, model, year, mileage (integer) and price',
    'cars',
    ['Car make:string model:string year:integer mileage:integer price:number'],
  ],
  [
    'categories have a name; products belong to a category and have a name and a price',
    'categories and products',
    ['Category name:string', 'Product categoryId>Category name:string price:number'],
  ],
  [
    'Create a REST API for a blog where posts have a title and comments belong to a post',
    'blog',
    ['Post title:string', 'Comment postId>Post'],
  ],
  [
    'Create an API for books. It should have a title and an author.',
    'books',
    ['Book title:string author:string'],
  ],
  [
    'Users have a name. Tasks have a title and an assignee (user).',
    'users and tasks',
    ['User name:string', 'Task title:string assigneeId>User'],
  ],
  [
    'A bakery with cakes and orders',
    'bakeries, cakes and orders',
    ['Bakery name:string', 'Cake name:string bakeryId>Bakery', 'Order name:string bakeryId>Bakery'],
  ],
  [
    'Create a REST API for a hotel with rooms and guests. Rooms have a number and a price per night.',
    'hotel',
    [
      'Hotel name:string',
      'Room hotelId>Hotel number:string pricePerNight:number',
      'Guest name:string hotelId>Hotel',
    ],
  ],
  ['asdf qwerty', 'general', ['Item name:string']],
];

describe('discover', () => {
  it.each(PHRASINGS)('reads %j', (request, domain, entities) => {
    const doc = discover(request);
    expect(shape(doc)).toEqual(entities);
    expect(doc.domain).toBe(domain);
  });

  it('returns documents that pass the DiscoveryDocument schema unchanged', () => {
    for (const [request] of PHRASINGS) {
      const doc = discover(request);
      expect(DiscoveryDocument.parse(doc)).toEqual(doc);
    }
  });

  it('is deterministic', () => {
    expect(discover(LIBRARY)).toEqual(discover(LIBRARY));
  });

  it('names one bounded context, CRUD events and a service per entity, and risks', () => {
    const doc = discover(TASK_TRACKER);
    expect(doc.summary).toBe(
      'A task tracker API with 2 entities: Project (name, deadline) and Task (title, priority, done, projectId).',
    );
    expect(doc.boundedContexts).toEqual([
      { name: 'TaskTracker', description: 'Everything in the task tracker.', entities: ['Project', 'Task'] },
    ]);
    expect(doc.domainEvents.map((e) => `${e.entity}:${e.name}`)).toEqual([
      'Project:ProjectCreated',
      'Project:ProjectUpdated',
      'Project:ProjectDeleted',
      'Task:TaskCreated',
      'Task:TaskUpdated',
      'Task:TaskDeleted',
    ]);
    expect(doc.services.map((s) => s.name)).toEqual(['ProjectService', 'TaskService']);
    expect(doc.services[1]?.description).toContain('/tasks');
    expect(doc.risks).toEqual([
      'The generated API has no authentication or authorization: anyone who can reach it can read and change every record.',
      'Deleting a referenced record (e.g. Task.projectId → Project) may leave records pointing at nothing.',
    ]);
    expect(doc.openQuestions).toEqual([]);
  });

  it('describes a reference field, keeping the words it was read from', () => {
    const task = discover(TASK_TRACKER).entities.find((e) => e.name === 'Task');
    expect(task?.fields.find((f) => f.name === 'projectId')).toEqual({
      name: 'projectId',
      type: 'reference',
      required: true,
      references: 'Project',
      description: 'the Project this Task belongs to',
      source: 'belong to a project',
    });
    expect(task?.source).toBe('tasks');
  });
});

describe('discover: assumptions and open questions', () => {
  it('records every type it guessed and the rule for booleans', () => {
    expect(discover(TASK_TRACKER).assumptions).toEqual([
      'Project.name is a string (no type given)',
      'Project.deadline is a date (guessed from its name)',
      'Task.title is a string (no type given)',
      'Task.done is a boolean (it is called a flag)',
      'Boolean fields are optional (a client need not send a flag); other fields are required unless the request says optional',
    ]);
  });

  it('says that a price is a number', () => {
    expect(discover('books with a title and a price').assumptions).toContain(
      'Book.price is a number (guessed from its name)',
    );
  });

  it('records domain defaults', () => {
    const doc = discover('Create a REST API for user management');
    expect(doc.assumptions).toContain('No fields were given; used the defaults for user management: User');
    expect(doc.openQuestions).toEqual(['Are the default entities for user management (User) what you need?']);
    expect(doc.risks).toContain(
      'Parts of the request were not understood or were filled with defaults; see the open questions.',
    );
  });

  it('creates a referenced entity that was never described, and says so', () => {
    const doc = discover('tasks have a title and belong to a project');
    expect(doc.assumptions).toContain('Project was only referenced; it gets one field name (string)');
    expect(doc.openQuestions).toEqual(['What fields should a Project have? It was only referenced.']);
  });

  it('asks about type hints it does not know and keeps the field', () => {
    const doc = discover('Tasks have a title, a priority (1-5) and a status (e.g. open, closed)');
    expect(shape(doc)).toEqual(['Task title:string priority:string status:string']);
    expect(doc.openQuestions).toEqual([
      'What does "(1-5)" on Task.priority mean? It is not a known type; Task.priority is a string for now.',
      'What does "(e.g. open, closed)" on Task.status mean? It is not a known type; Task.status is a string for now.',
    ]);
  });

  it('asks about clauses it cannot read instead of dropping them', () => {
    const doc = discover('Users have a name and an email. Users can log in with Google.');
    expect(shape(doc)).toEqual(['User name:string email:email']);
    expect(doc.openQuestions).toEqual([
      'What does "Users can log in with Google" mean? It could not be read and was left out.',
      'The request mentions sign-in or permissions, but the generated API has no authentication. Is that needed?',
    ]);
  });

  it('asks about field items it cannot read', () => {
    const doc = discover('users have a name and a café');
    expect(shape(doc)).toEqual(['User name:string']);
    expect(doc.openQuestions).toEqual(['What does "a café" mean? It could not be read and was left out.']);
  });

  it('falls back to a default entity for a request it cannot read', () => {
    const doc = discover('asdf qwerty');
    expect(doc.assumptions).toEqual(['No entity could be read; made a default entity Item with a name']);
    expect(doc.openQuestions).toEqual([
      'What does "asdf qwerty" mean? It could not be read and was left out.',
      'What should the API store? No entity could be read from the request.',
    ]);
  });

  it('reads unique hints, and notes server-made ids and repeated fields', () => {
    const doc = discover('users have an id, an email (unique), a name and a name');
    expect(shape(doc)).toEqual(['User email:email name:string']);
    expect(doc.entities[0]?.fields[0]).toMatchObject({
      name: 'email',
      unique: true,
      source: 'an email (unique)',
    });
    expect(doc.assumptions).toEqual(
      expect.arrayContaining([
        'User.id is made by the server; "an id" adds no field',
        'User.name was given twice; the first one is kept',
      ]),
    );
  });

  it('flags passwords as a risk', () => {
    expect(discover('users have a username and a password').risks).toContain(
      'User.password would be stored and returned as plain text; a real system stores a hash and never returns it.',
    );
  });
});

describe('discover: input it cannot use', () => {
  it.each(['', '   ', '\n\t  \n'])('rejects the blank request %j', (request) => {
    expect(() => discover(request)).toThrow(DiscoveryInputError);
    expect(() => discover(request)).toThrow('the request is empty');
  });

  it('marks the error as a user mistake that a retry cannot fix', () => {
    const error = (() => {
      try {
        discover(' ');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DiscoveryInputError);
    expect(error).toMatchObject({ name: 'DiscoveryInputError', code: 'empty_request', retryable: false });
  });

  it.each([
    ['only parentheses', '((('],
    ['only punctuation', '!!!'],
    ['only digits', '1234'],
    ['only colons', ': :'],
    ['only articles', 'the the the'],
    ['a verb with nothing after it', 'projects have'],
    ['a relation with no target', 'tasks belong to'],
    ['emoji', '💥 rockets have a name 🚀'],
    ['an unclosed parenthesis', 'users have a name ('],
    ['chained colons', 'a: b: c: d'],
    ['only joining words', 'with with with and and , , ; ;'],
    ['a command without a subject', 'Create a REST API.'],
    ['a very long list', 'users have a name, '.repeat(500)],
  ])('still returns a valid document for %s', (_label, request) => {
    const doc = discover(request);
    expect(DiscoveryDocument.parse(doc)).toEqual(doc);
    expect(doc.entities.length).toBeGreaterThan(0);
  });

  it('never throws on generated noise', () => {
    const vocabulary =
      'a an the each users have has with and , ; . : ( ) (number) belong to link many is are optional flag done email price of type for create api where it they there 1 x ü'.split(
        ' ',
      );
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const request = Array.from({ length: 1 + next(20) }, () => vocabulary[next(vocabulary.length)]).join(
        ' ',
      );
      if (request.trim().length === 0) continue;
      const doc = discover(request);
      expect(DiscoveryDocument.parse(doc)).toEqual(doc);
    }
  });
});
