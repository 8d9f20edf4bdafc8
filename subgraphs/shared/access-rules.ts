import type { AccessRule, FilterRule, Grant } from './access-rule.js';
import { Role } from './roles.js';

const unit = (...roles: Role[]): Grant[] => roles.map((role) => ({ role, over: 'unit' as const }));
const PROVINCE: Grant = { role: Role.PROVINCE_OFFICER, over: 'province' };
const PRODUCER_MEMBER: Grant = { role: Role.PRODUCER, over: 'producer' };
const COOPERATIVE_MANAGER: Grant = { role: Role.COOPERATIVE_MANAGER, over: 'commune-code' };
const FINANCE: Grant = { role: Role.FINANCE, over: 'anywhere' };

const NULL = { kind: 'null' } as const;
/** FORBIDDEN for everyone: anonymous callers too, so that the public rest of a query still resolves. */
const FORBIDDEN = { kind: 'error', anonymous: 'FORBIDDEN' } as const;
const SIGN_IN = { kind: 'error', anonymous: 'UNAUTHENTICATED' } as const;

const HEALTH = { grants: unit(Role.HEALTH_STAFF), refused: FORBIDDEN, why: 'health records are sensitive personal data' };
/** Audited too: probing who tried to read what is itself worth a row (reading the log writes none, so nothing recurses). */
const REFUSED_LOG = { grants: unit(Role.CHAIRPERSON), refused: FORBIDDEN, why: 'the log names who tried to read what; the chairperson answers for it' };
/**
 * A subgraph's whole log: every commune's refusals and those of no commune. No role is granted it:
 * admins only (they hold every grant). Audited like the commune logs.
 */
const HUB_LOG = { grants: [], refused: SIGN_IN, why: 'every commune\'s refused reads and those of no commune (reconciliation, unknown ids): the hub-wide audit is the admins\'' } as const satisfies AccessRule;
const OFFICE_RECORDS = { grants: [...unit(Role.OFFICER), PROVINCE], refused: SIGN_IN, why: 'the commune\'s register; the province supervises it' };
const DRAFT_STAFF = { grants: unit(Role.OFFICER, Role.CHAIRPERSON), refused: NULL, why: 'who drafted and reviewed a post is internal to the commune\'s editorial staff' };
const PRODUCER_PEOPLE = { grants: [PRODUCER_MEMBER, COOPERATIVE_MANAGER], refused: NULL, why: 'the people acting for a producer and its shop authorisations' };
const PAYMENTS = { grants: [FINANCE], refused: SIGN_IN, why: 'payment details are personal data' };
/** A run's items: finance sees them all, a producer's members the items concerning their producers (reconciliation-access.rules.ts). */
const RUN_ITEMS = {
  kind: 'filter',
  rows: 'the items of each run',
  sees: [{ ...FINANCE, sees: 'all' }, { role: Role.PRODUCER, over: 'producer', sees: 'producer' }],
  refused: SIGN_IN,
  why: 'payment details are personal data; a producer sees its own payments',
} as const satisfies FilterRule;
/**
 * Why a public list's public answer is not logged: it refuses no one and names nothing withheld, and
 * logging it would write a row for every visitor of a public page.
 */
const PUBLIC_FACE = 'its public rows are the list\'s answer to everyone, not a refusal of anything asked for by name: logging them would write a row per visit of a public page';
/**
 * The catalogue: what a producer has not published yet is its members' (the producer's drafts, which
 * hold no personal data); everyone else sees what is live. Each of its lists says why it is not logged.
 */
const CATALOGUE = {
  kind: 'filter',
  sees: [{ role: Role.PRODUCER, over: 'producer', sees: 'producer' }],
  why: 'a product before it is published is its producer\'s draft',
} as const;
const PRODUCTS = { ...CATALOGUE, rows: 'products', refused: { kind: 'public', rows: 'products with a live listing' } } as const satisfies FilterRule;

/**
 * Every restricted field of the hub and its access rule, keyed `Type.field` as in the supergraph.
 * The guards read their rule from here (`readAccess` in access-guard.ts), and
 * `npm run schema:compose` writes docs/access.md from it: the document cannot drift from what runs.
 */
export const ACCESS_RULES = {
  // society
  'Commune.healthRecords': HEALTH,
  'Commune.healthRecordReads': { ...HEALTH, why: 'who read which health record' },
  'Query.healthRecord': HEALTH,
  'TelehealthAccount.consultations': { ...HEALTH, why: 'consultations name patients\' conditions' },
  'FieldReport.reporter': { grants: unit(Role.OFFICER), refused: FORBIDDEN, why: 'how to reach a citizen who reported' },
  'Commune.announcementSubscribers': { grants: unit(Role.OFFICER), refused: NULL, why: 'residents\' (masked) phones' },
  'Commune.announcementSubscriberStats': { grants: unit(Role.OFFICER), refused: NULL, why: 'the commune\'s subscriber base' },
  'Commune.refusedReads': REFUSED_LOG,
  'Query.refusedReads': HUB_LOG,
  'Query.announcement': { grants: unit(Role.OFFICER), refused: NULL, why: 'a draft announcement, before it is sent (sent ones are public)' },
  'Commune.announcements': {
    kind: 'filter',
    rows: 'the commune\'s announcements',
    sees: [{ role: Role.OFFICER, over: 'unit', sees: 'all' }],
    refused: { kind: 'public', rows: 'the sent ones' },
    unaudited: `the commune's notice board: ${PUBLIC_FACE}; a draft asked for by id (Query.announcement) is logged`,
    why: 'drafts are the commune\'s officers\' until sent',
  },
  'Announcement.deliveries': { grants: unit(Role.OFFICER), refused: NULL, why: 'each recipient\'s (masked) phone and delivery' },
  'PostalPoint.dossiers': { grants: unit(Role.OFFICER), refused: NULL, why: 'which citizen\'s dossier went through the post office when' },
  // devices
  'Camera.streamUrl': { grants: unit(Role.SECURITY), refused: NULL, why: 'live video of public places' },
  'VideoMeeting.recordingUrl': { grants: unit(Role.OFFICER), refused: NULL, why: 'recordings of internal meetings (any participating commune)' },
  'Commune.refusedDeviceReads': REFUSED_LOG,
  'Query.refusedDeviceReads': HUB_LOG,
  // governance
  'Query.dossier': { ...OFFICE_RECORDS, why: 'a citizen\'s administrative procedure' },
  'Dossier.applicant': { grants: OFFICE_RECORDS.grants, refused: NULL, why: 'who applied: personal data' },
  'Dossier.history': { grants: OFFICE_RECORDS.grants, refused: NULL, why: 'who handled the dossier when' },
  'Commune.dossiers': OFFICE_RECORDS,
  'Query.document': OFFICE_RECORDS,
  'Commune.documents': OFFICE_RECORDS,
  'Commune.informationAlerts': { grants: unit(Role.OFFICER), refused: SIGN_IN, why: 'what monitoring found about the commune, before it is handled' },
  'Commune.refusedRecordReads': REFUSED_LOG,
  'Query.refusedRecordReads': HUB_LOG,
  'Query.portalPost': { ...DRAFT_STAFF, why: 'drafts, rejected, scheduled and withdrawn posts (published ones are public)' },
  'Commune.portalPosts': {
    kind: 'filter',
    rows: 'the commune portal\'s posts, with includeUnpublished: true',
    sees: [{ role: Role.OFFICER, over: 'unit', sees: 'all' }, { role: Role.CHAIRPERSON, over: 'unit', sees: 'all' }],
    refused: { kind: 'public', rows: 'the published ones' },
    // Asked for only with includeUnpublished: true, so a public answer withholds what was asked for: logged.
    why: DRAFT_STAFF.why,
  },
  'PortalPost.author': DRAFT_STAFF,
  'PortalPost.reviewedBy': DRAFT_STAFF,
  'PortalPost.rejectionReason': DRAFT_STAFF,
  // commerce
  'Query.orders': { grants: [PRODUCER_MEMBER], refused: SIGN_IN, why: 'buyers and what they bought' },
  'Producer.contact': { grants: [PRODUCER_MEMBER], refused: NULL, why: 'a household\'s name and phone' },
  'Producer.members': PRODUCER_PEOPLE,
  'Producer.shopConnections': PRODUCER_PEOPLE,
  'Listing.shopConnection': { grants: [PRODUCER_MEMBER], refused: NULL, why: 'the producer\'s shop authorisation behind a listing' },
  'Query.products': { ...PRODUCTS, unaudited: `the hub's product search: ${PUBLIC_FACE}` },
  'Query.product': {
    ...PRODUCTS,
    rows: 'the product asked for',
    unaudited:
      'the shop\'s product page: a product not (or no longer) live answers null exactly as an unknown id does; product ids are public (shared links, ' +
      'marketplace pages) and a draft holds no personal data, so such a null is a visitor\'s stale link, not a probe: logging it would write a row per visit',
  },
  'Producer.products': { ...PRODUCTS, unaudited: `a producer's shop page: ${PUBLIC_FACE}` },
  'Commune.products': { ...PRODUCTS, unaudited: `the commune's market page: ${PUBLIC_FACE}` },
  'Product.listings': {
    ...CATALOGUE,
    rows: 'the product\'s listings',
    refused: { kind: 'public', rows: 'the live ones, PUBLISHED or DRIFTED' },
    unaudited: `a product page's marketplace links: ${PUBLIC_FACE}; a listing's error is guarded, and logged, apart (Listing.lastError)`,
    why: 'a listing that is not live is the producer\'s draft',
  },
  'Listing.lastError': { grants: [PRODUCER_MEMBER], refused: NULL, why: 'the marketplace\'s error about the producer\'s shop and draft' },
  'Query.reconciliationAging': PAYMENTS,
  'Query.reconciliationOpenItems': PAYMENTS,
  'Query.reconciliationPeriods': PAYMENTS,
  'Query.reconciliationRuns': RUN_ITEMS,
  'Query.reconciliationRun': RUN_ITEMS,
  'ReconciliationRun.versions': RUN_ITEMS,
  'ReconciliationRun.items': RUN_ITEMS,
  'Commune.refusedCommerceReads': REFUSED_LOG,
  'Query.refusedCommerceReads': HUB_LOG,
  'ReconciliationRun.summary': { grants: [FINANCE], refused: NULL, why: 'a run\'s totals over every producer\'s payments' },
} as const satisfies Record<string, AccessRule | FilterRule>;

export type RestrictedField = keyof typeof ACCESS_RULES;
/** A field's rule, typed as either kind (the constant's own types are narrower per entry). */
export const ruleOf = (field: RestrictedField): AccessRule | FilterRule => ACCESS_RULES[field];
/** The lists whose rule filters rows (`readRows`). */
export type FilteredField = { [K in RestrictedField]: (typeof ACCESS_RULES)[K] extends { kind: 'filter' } ? K : never }[RestrictedField];
/** The fields whose rule answers or refuses (`readAccess`). */
export type GuardedField = Exclude<RestrictedField, FilteredField>;
