// Default entities for requests that name a domain but no fields (documented in the README).
// Field specs: `name` (string), `name:type`, `name:type?` (optional), `nameId>Entity` (reference).

export interface Template {
  readonly domain: string;
  readonly keywords: readonly string[];
  readonly entities: ReadonlyArray<readonly [name: string, fields: string]>;
}

export const TEMPLATES: readonly Template[] = [
  {
    domain: 'user management',
    keywords: ['user management', 'users management', 'user accounts', 'account management', 'user admin'],
    entities: [['User', 'name, email:email, role, active:boolean']],
  },
  {
    domain: 'blog',
    keywords: ['blog', 'blogging', 'cms', 'content management', 'publishing'],
    entities: [
      ['Author', 'name, email:email'],
      ['Post', 'title, body, published:boolean, authorId>Author'],
      ['Comment', 'body, authorName, postId>Post'],
    ],
  },
  {
    domain: 'todo list',
    keywords: ['todo list', 'todo app', 'todo', 'todos', 'to do list', 'checklist', 'reminders'],
    entities: [['Todo', 'title, done:boolean, dueDate:date?']],
  },
  {
    domain: 'task tracker',
    keywords: [
      'task tracker',
      'task tracking',
      'task management',
      'task manager',
      'project management',
      'kanban',
    ],
    entities: [
      ['Project', 'name, deadline:date?'],
      ['Task', 'title, done:boolean, dueDate:date?, projectId>Project'],
    ],
  },
  {
    domain: 'library',
    keywords: ['library', 'libraries', 'book lending', 'lending'],
    entities: [
      ['Book', 'title, author, isbn, publishedYear:integer'],
      ['Member', 'name, email:email'],
      ['Loan', 'bookId>Book, memberId>Member, loanDate:date, dueDate:date, returned:boolean'],
    ],
  },
  {
    domain: 'shop',
    keywords: [
      'shop',
      'webshop',
      'online store',
      'store',
      'ecommerce',
      'e-commerce',
      'storefront',
      'marketplace',
    ],
    entities: [
      ['Product', 'name, price:number, stock:integer'],
      ['Customer', 'name, email:email'],
      ['Order', 'customerId>Customer, orderDate:date, total:number, status'],
      ['OrderItem', 'orderId>Order, productId>Product, quantity:integer, unitPrice:number'],
    ],
  },
  {
    domain: 'inventory',
    keywords: ['inventory', 'stock management', 'stock control', 'warehouse', 'warehouses'],
    entities: [
      ['Warehouse', 'name, location'],
      ['Item', 'name, sku, quantity:integer, warehouseId>Warehouse'],
    ],
  },
  {
    domain: 'contacts',
    keywords: ['address book', 'contact list', 'contact management', 'crm', 'phone book', 'phonebook'],
    entities: [['Contact', 'firstName, lastName, email:email, phone']],
  },
  {
    domain: 'notes',
    keywords: ['note taking', 'note-taking', 'notetaking', 'notebook', 'notes app', 'journal'],
    entities: [['Note', 'title, body, pinned:boolean']],
  },
  {
    domain: 'event booking',
    keywords: ['event management', 'event booking', 'event planning', 'ticketing', 'booking', 'bookings'],
    entities: [
      ['Event', 'name, startsAt:date, location, capacity:integer'],
      ['Booking', 'eventId>Event, attendeeName, attendeeEmail:email, seats:integer'],
    ],
  },
  {
    domain: 'appointments',
    keywords: ['appointment', 'appointments', 'scheduling', 'calendar', 'reservations', 'reservation'],
    entities: [['Appointment', 'clientName, startsAt:date, endsAt:date, notes?']],
  },
  {
    domain: 'school',
    keywords: ['school', 'university', 'college', 'course management', 'enrollment', 'lms', 'classroom'],
    entities: [
      ['Student', 'name, email:email'],
      ['Course', 'title, credits:integer'],
      ['Enrollment', 'studentId>Student, courseId>Course, enrolledOn:date'],
    ],
  },
  {
    domain: 'human resources',
    keywords: [
      'hr',
      'human resources',
      'employee management',
      'employee directory',
      'staff management',
      'payroll',
    ],
    entities: [
      ['Department', 'name'],
      ['Employee', 'firstName, lastName, email:email, salary:number, hiredOn:date, departmentId>Department'],
    ],
  },
  {
    domain: 'expense tracker',
    keywords: ['expense tracker', 'expense tracking', 'expenses', 'budget', 'budgeting', 'personal finance'],
    entities: [
      ['Category', 'name'],
      ['Expense', 'description, amount:number, spentOn:date, categoryId>Category'],
    ],
  },
  {
    domain: 'recipes',
    keywords: ['recipe', 'recipes', 'cookbook', 'meal planning'],
    entities: [['Recipe', 'title, ingredients, instructions, servings:integer']],
  },
];
