import { describe, expect, it } from '@jest/globals';
import type { DiscoveryDocument } from '@mge/contracts';
import { discover } from './discover.js';

// `Pet name:string species:string[dog|cat] ownerId>Owner!cascade`: a compact view of what was read.
function shape(doc: DiscoveryDocument): string[] {
  return doc.entities.map((e) => {
    const fields = e.fields.map((f) => {
      const kind = f.type === 'reference' ? `>${f.references ?? ''}` : `:${f.type}`;
      const values = f.values === undefined ? '' : `[${f.values.join('|')}]`;
      return `${f.name}${kind}${values}${f.unique === true ? '!' : ''}${f.required ? '' : '?'}${f.onDelete === 'cascade' ? ' cascade' : ''}`;
    });
    return [e.name, ...fields].join(' ');
  });
}

describe('discovery readers', () => {
  it('reads a markdown table under a capitalised line, with enums, unique and optional notes', () => {
    const doc = discover(
      'Vet practice.\n\nPatient\n| field | type | notes |\n|---|---|---|\n| name | text | |\n| species | text | dog, cat or bird |\n| microchip | text | unique |\n| born on | date | optional |',
    );
    expect(shape(doc)).toEqual([
      'Patient name:string species:string[dog|cat|bird] microchip:string! bornOn:date?',
    ]);
  });

  it('reads headed bullet lists, and an application heading owns none of them', () => {
    const doc = discover(
      'Podcast hosting backend:\n- shows: title, explicit flag\n- episodes: title\n- each episode belongs to a show',
    );
    expect(shape(doc)).toEqual(['Show title:string explicit:boolean?', 'Episode title:string showId>Show']);
  });

  it('reads entities with their fields in parentheses and where each belongs', () => {
    const doc = discover(
      'Parking API: levels (number), spaces (code, unique; EV charging yes/no) on a level.',
    );
    expect(shape(doc)).toEqual([
      'Level number:string',
      'Space code:string! evCharging:boolean? levelId>Level',
    ]);
  });

  it('reads relations said with other verbs, taking the one side from the singular', () => {
    const doc = discover(
      'Customers place orders with a date. Customers have a name. Meetings have a date. Books have a title. Each meeting discusses one book. Dogs are walked by walkers.',
    );
    expect(shape(doc)).toEqual(
      expect.arrayContaining([
        'Order customerId>Customer date:date',
        'Meeting date:date bookId>Book',
        'Dog walkerId>Walker',
      ]),
    );
  });

  it('makes a join entity of a many-to-many relation, however it is said', () => {
    for (const request of [
      'Students enroll in courses. Students have a name. Courses have a title.',
      'Photos have a caption. Tags have a label. A photo can have many tags and a tag applies to many photos.',
      'Doctors have a name. Patients have a name. Doctors and patients: many to many.',
    ]) {
      const joins = discover(request).entities.filter(
        (e) => e.fields.filter((f) => f.type === 'reference').length === 2,
      );
      expect({ request, joins: joins.length }).toEqual({ request, joins: 1 });
    }
  });

  it('makes a reference cascade when deleting the parent deletes its children', () => {
    const doc = discover(
      'Projects have a name. Tasks have a title and belong to a project. Deleting a project deletes its tasks.',
    );
    expect(shape(doc)).toContain('Task title:string projectId>Project cascade');
  });

  it('corrects plainly misspelt words, records each correction, and leaves software words alone', () => {
    const doc = discover('A backend for my recipe colection: each recipie has a title and a discription.');
    expect(shape(doc)).toEqual(['Recipe title:string description:string']);
    expect(doc.assumptions).toEqual(
      expect.arrayContaining(['Read "recipie" as "recipe"', 'Read "discription" as "description"']),
    );
    expect(doc.domain).toBe('recipe collection');
  });

  it('reads fields the speaker keeps, and names no entity after pronouns or fillers', () => {
    const doc = discover(
      "Hi! We'd log movies with the title, director and year. For critics we keep a name and an email.",
    );
    expect(shape(doc)).toEqual([
      'Movie title:string director:string year:integer',
      'Critic name:string email:email',
    ]);
  });

  it('keeps the words of the request each entity and field was read from', () => {
    const doc = discover('Books: title, a unique isbn. Each book belongs to an author.');
    const book = doc.entities.find((e) => e.name === 'Book');
    expect(book?.source).toBe('Books');
    expect(book?.fields.map((f) => f.source)).toEqual(['title', 'a unique isbn', 'belongs to an author']);
  });

  it('reads many-to-many from two halves that each say "many" of the other', () => {
    const doc = discover(
      'Garage backend: parts have a name and a price, repairs have a date. Parts can be used in many repairs and a repair can use several parts.',
    );
    expect(shape(doc)).toEqual([
      'Part name:string price:number',
      'Repair date:date',
      'PartRepair partId>Part repairId>Repair',
    ]);
  });

  it('reads a record given its fields in parentheses where a relation points at it', () => {
    const doc = discover(
      'Procurement backend: requisitions have a number and a date. Each requisition is raised by a requester (name, department).',
    );
    expect(shape(doc)).toEqual([
      'Requisition number:string date:date requesterId>Requester',
      'Requester name:string department:string',
    ]);
  });

  it('reads past the speaker, a dash and "each with"', () => {
    const doc = discover(
      'Hi! I would like to keep track of owners (name, phone number and email) and their pets. Basically we have teams, each with a name and a captain phone number. Each team has a coach - coaches just need a name and a phone.',
    );
    expect(shape(doc)).toEqual([
      'Owner name:string phoneNumber:string email:email',
      'Pet name:string',
      'Team name:string captainPhoneNumber:string coachId>Coach',
      'Coach name:string phone:string',
    ]);
  });

  it('corrects a misspelling by the words the request uses and how often a word is spoken', () => {
    const doc = discover(
      'We need to track our truks. Each truck has a licence plate and a milage. Recipies have a titel and a Bortle rating.',
    );
    expect(shape(doc)).toEqual([
      'Truck licencePlate:string mileage:string',
      'Recipe title:string bortleRating:integer',
    ]);
    expect(doc.assumptions).toEqual(
      expect.arrayContaining(['Read "truks" as "trucks"', 'Read "recipies" as "recipes"']),
    );
  });

  it('reads the records a backend is said to be for, and many records each with their fields', () => {
    const doc = discover(
      'Our dental practice needs a backend for appointments and treatment records. An appointment can include several treatments, each with a code and a fee.',
    );
    expect(shape(doc)).toEqual([
      'Appointment name:string',
      'Treatment appointmentId>Appointment code:string fee:number',
    ]);
  });

  it('reads many-to-many said both ways of records named nowhere else, and "shared between"', () => {
    const doc = discover(
      'Tickets have a title. Tickets can carry any number of labels, and labels are shared between tickets - a label is just a name. A wine goes with many foods and a food goes with many wines.',
    );
    expect(shape(doc)).toEqual([
      'Ticket title:string',
      'Label name:string',
      'Wine name:string',
      'Food name:string',
      'LabelTicket labelId>Label ticketId>Ticket',
      'FoodWine foodId>Food wineId>Wine',
    ]);
  });

  it('drops units and qualifiers from field names, and reads a range as a whole number', () => {
    const doc = discover(
      'Podcast backend: episodes have an enclosure length in bytes (integer), a close probability between 0 and 100 and a note for the client. For each photo we need a title, my notes and whether it is featured on the homepage.',
    );
    expect(shape(doc)).toEqual([
      'Episode enclosureLength:integer closeProbability:integer note:string',
      'Photo title:string notes:string featured:boolean?',
    ]);
  });

  it('reads a record qualified in passing, "comes from", units as values, and a heading as the domain', () => {
    const doc = discover(
      'Museum collection. Artefacts have a title. Artefacts are donated by a donor. An artefact on display is shown in a gallery. Batches: quantity (integer). Each batch is of one medicine and comes from a supplier. Milkings: date, litres. Expense: optional paid on (date).',
    );
    expect(shape(doc)).toEqual([
      'Artefact title:string donorId>Donor galleryId>Gallery',
      'Donor name:string',
      'Gallery name:string',
      'Batch quantity:integer medicineId>Medicine supplierId>Supplier',
      'Medicine name:string',
      'Supplier name:string',
      'Milking date:date litres:number',
      'Expense paidOn:date?',
    ]);
    expect(doc.openQuestions.filter((q) => q.includes('could not be read'))).toEqual([]);
  });

  it('reads records in the middle of a relation, which/who, clauses after a colon and "a status of …"', () => {
    const doc = discover(
      'Car hire. Customers book vehicles through reservations, which have a start date and an end date. Bugs are reported by a reporter, who has a name and an email that must be unique. Service records: service date, cost. Each service record is done by a mechanic. Then I track bottles in racks: a rack has a label, and each bottle sits in one rack. A purchase order has an order date and a status of draft, sent or received.',
    );
    expect(shape(doc)).toEqual([
      'Reservation customerId>Customer vehicleId>Vehicle startDate:date endDate:date',
      'Customer name:string',
      'Vehicle name:string',
      'Bug reporterId>Reporter',
      'Reporter name:string email:email!',
      'ServiceRecord serviceDate:date cost:number mechanicId>Mechanic',
      'Mechanic name:string',
      'Rack label:string',
      'Bottle rackId>Rack',
      'PurchaseOrder orderDate:date status:string[draft|sent|received]',
    ]);
  });

  it('reads records one entity leaves on another, with the fields after them', () => {
    const doc = discover(
      'Book club. Members have a name. Books have a title. Members leave ratings on books: a score from 1 to 5 and an optional comment. People can leave reviews on a book with their name and a message. A member can create lots of shelves.',
    );
    expect(shape(doc)).toEqual([
      'Member name:string',
      'Book title:string',
      'Rating memberId>Member bookId>Book score:integer comment:string?',
      'Review bookId>Book name:string message:string',
      'Shelf name:string memberId>Member',
    ]);
  });

  it('leaves greetings, sign-offs and what is out of scope alone, and reads passive and placed relations', () => {
    const doc = discover(
      'Hey folks! Farm backend. Animals have a name. Paddocks have a name. Each animal is in one paddock at a time. Samples have a code. Labs have a name. Samples get sent to labs. Specimens have a number. Each specimen was collected by a collector. Trips have a cost. Every trip starts from a station. Split transactions are out of scope for v1. That is it for now. Many thanks!',
    );
    expect(shape(doc)).toEqual([
      'Animal name:string paddockId>Paddock',
      'Paddock name:string',
      'Sample code:string labId>Lab',
      'Lab name:string',
      'Specimen number:string collectorId>Collector',
      'Collector name:string',
      'Trip cost:number stationId>Station',
      'Station name:string',
    ]);
    expect(doc.openQuestions.filter((q) => q.includes('could not be read'))).toEqual([]);
  });

  it('reads flags said with "whether", paired dates and a dropped letter', () => {
    const doc = discover(
      'Crm. Customers have a phone numbr and start and end dates. Vendors: name, whether the deposit is paid, whether it got rained off and whether it is on autopay.',
    );
    expect(shape(doc)).toEqual([
      'Customer phoneNumber:string startDate:date endDate:date',
      'Vendor name:string depositPaid:boolean? rainedOff:boolean? autopay:boolean?',
    ]);
  });

  it('reads many records with their fields inside a field list', () => {
    const doc = discover(
      'Inspection checklists with a name and version number, each having many checklist items (question, mandatory yes/no). Podcasts have a title and many episodes with a title and a publish date. Claims have a number. Claims can have documents attached.',
    );
    expect(shape(doc)).toEqual([
      'InspectionChecklist name:string versionNumber:string',
      'ChecklistItem inspectionChecklistId>InspectionChecklist question:string mandatory:boolean?',
      'Podcast title:string',
      'Episode podcastId>Podcast title:string publishDate:date',
      'Claim number:string',
      'Document name:string claimId>Claim',
    ]);
  });

  it('reads a terse line of records with fields in parentheses, placed and owning many', () => {
    const doc = discover(
      'Parcels (weight, tracking code, sent date) shipped to recipients (name, address), each parcel with many tracking events (status, location, timestamp). University enrollment: students (name, unique email) enroll in courses (code, title).',
    );
    expect(shape(doc)).toEqual([
      'Recipient name:string address:string',
      'Parcel weight:number trackingCode:string sentDate:date recipientId>Recipient',
      'TrackingEvent parcelId>Parcel status:string location:string timestamp:date',
      'Course code:string title:string',
      'Student name:string email:email!',
      'CourseStudent courseId>Course studentId>Student',
    ]);
  });

  it('reads many records given their fields in a list, and "each one" after a comma', () => {
    const doc = discover(
      'Issues have a title. Issues can also have comments (a body and an author). Engagements have a name, and each one is for a client. Timesheet lines: hours (decimal). A timesheet has many lines; each line is booked to a project.',
    );
    expect(shape(doc)).toEqual([
      'Issue title:string',
      'Comment issueId>Issue body:string author:string',
      'Engagement name:string clientId>Client',
      'Client name:string',
      'TimesheetLine hours:number timesheetId>Timesheet projectId>Project',
      'Timesheet name:string',
      'Project name:string',
    ]);
  });

  it('gives a table without a heading to the line over it', () => {
    const doc = discover(
      'IT asset register.\n\n| field | type | notes |\n|---|---|---|\n| asset tag | string | unique |\n| model | string | |\n\nProcurement backend. Purchase requisitions:\n\n| field | type | notes |\n|---|---|---|\n| requested on | date | |\n| estimated cost | money | |\n',
    );
    expect(shape(doc)).toEqual([
      'Asset assetTag:string! model:string',
      'PurchaseRequisition requestedOn:date estimatedCost:number',
    ]);
    expect(doc.openQuestions.filter((q) => q.includes('could not be read'))).toEqual([]);
  });

  it('reads what is stored as what, what happens when, and a half with no subject of its own', () => {
    const doc = discover(
      'Dental practice. Dentists and hygienists are both stored as practitioners with a name and a role (dentist or hygienist). When an animal comes in we record a visit with the date and the reason. Movies have a title. A watchlist has a name and can include any number of movies, and one movie could be on several watchlists. Comments have a body and a posted-at timestamp.',
    );
    expect(shape(doc)).toEqual([
      'Practitioner name:string role:string[dentist|hygienist]',
      'Visit date:date reason:string',
      'Movie title:string',
      'Watchlist name:string',
      'Comment body:string postedAt:date',
      'MovieWatchlist movieId>Movie watchlistId>Watchlist',
    ]);
  });

  it('reads links asked for, kinds with fields, "per" and "one of their", and targets with asides', () => {
    const doc = discover(
      'Help desk. Problems have a title. I want to link each problem to the device it is about. Devices have a tag. Recipes have a name. A brew is a batch made from a recipe, with a brew date. Accounts have a name. Invoices are generated per account with a period start. Locations are bins with a code and a zone. Claims have a number. Policies have a number. Customers file claims on one of their policies. Gates have a number. Each entry event happens at a gate (gates - details to follow later).',
    );
    expect(shape(doc)).toEqual([
      'Problem title:string deviceId>Device',
      'Device tag:string',
      'Recipe name:string',
      'Brew recipeId>Recipe brewDate:date',
      'Account name:string',
      'Invoice accountId>Account periodStart:string',
      'Location code:string zone:string',
      'Claim number:string customerId>Customer policyId>Policy',
      'Policy number:string',
      'Customer name:string',
      'Gate number:string',
      'EntryEvent gateId>Gate',
    ]);
  });

  it('joins many-to-many said one way in each of two sentences, and reads fields said after a relation', () => {
    const doc = discover(
      'Playlists have a title. Playlists are made of tracks, where a track is just a title and an artist. The same track can obviously show up in loads of playlists. Rooms have a number. A booking reserves one room and has a guest name. Weapons have a name. Both are owned by a player profile that just has a gamertag (unique). Books have a title. Every month we pick a book, so a reading has a start date and is for one book.',
    );
    expect(shape(doc)).toEqual([
      'Playlist title:string',
      'Track title:string artist:string',
      'Room number:string',
      'Booking roomId>Room guestName:string',
      'Weapon name:string playerProfileId>PlayerProfile',
      'PlayerProfile gamertag:string!',
      'Book title:string',
      'Reading startDate:date bookId>Book',
      'PlaylistTrack playlistId>Playlist trackId>Track',
    ]);
  });

  it('reads a heading whose clause names its own record, records that roll up into others, and asides', () => {
    const doc = discover(
      'Conference backend. We also sell sponsorships: a sponsor has a name and a tier. Invoices have a total. Usage records (metric name, quantity) roll up into an invoice. Celestial objects have a name and a catalogue designation (like M31).',
    );
    expect(shape(doc)).toEqual([
      'Sponsor name:string tier:string',
      'Invoice total:number',
      'UsageRecord metricName:string quantity:integer invoiceId>Invoice',
      'CelestialObject name:string catalogueDesignation:string',
    ]);
  });
});
