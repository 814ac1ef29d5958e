/**
 * SQL that fills a freshly migrated database with generated claims, straight into the tables the work queue and
 * search read (citizen_account, application, claim, claim_event, claim_restricted_staff, claim_search_term,
 * claim_name_variant).
 * Run in one session with `session_replication_role = replica`: no row triggers (so the derived columns the
 * triggers keep are written here by the same formulas) and no foreign-key checks (every key is made here).
 */
import { LONGEST_CLOSE_TOKEN, LONGEST_EXACT_ONLY_TOKEN, nameVariantPurpose } from '@redress/application';

/** Teams and their shares of all claims. */
export const teams: ReadonlyArray<[team: string, share: number]> = [
  ['general', 0.4],
  ['serious-injury', 0.2],
  ['sexual-offences', 0.18],
  ['child-abuse', 0.12],
  ['fatal', 0.06],
  ['mental-injury', 0.04],
];

/**
 * Statuses and their shares, with each one's age range in days since submission and version (transitions so far).
 * Most of a million claims are long finished; about a sixth are open and workable.
 */
export const statuses: ReadonlyArray<[status: string, share: number, minAge: number, maxAge: number, version: number]> =
  [
    ['submitted', 0.04, 0, 21, 1],
    ['triaged', 0.02, 1, 30, 2],
    ['in_assessment', 0.1, 10, 220, 3],
    ['awaiting_information', 0.04, 20, 260, 4],
    ['decision_pending_approval', 0.01, 60, 240, 4],
    ['decided', 0.12, 90, 1400, 5],
    ['accepted', 0.04, 100, 1400, 6],
    ['paid', 0.35, 120, 1460, 7],
    ['closed', 0.2, 150, 1460, 8],
    ['review_requested', 0.01, 120, 600, 6],
    ['under_review', 0.01, 130, 640, 7],
    ['appealed', 0.005, 200, 1000, 9],
    ['withdrawn', 0.04, 5, 1460, 2],
    ['reopened', 0.005, 300, 1460, 9],
  ];

/** 1 most urgent: a few 1s and 2s, most 3s. */
export const priorities: ReadonlyArray<[priority: number, share: number]> = [
  [1, 0.03],
  [2, 0.12],
  [3, 0.65],
  [4, 0.15],
  [5, 0.05],
];

// Common names first: picks are skewed towards the start of each list (like real surname frequencies).
export const firstNames = [
  'Oliver',
  'Amelia',
  'George',
  'Olivia',
  'Harry',
  'Isla',
  'Noah',
  'Ava',
  'Jack',
  'Mia',
  'Leo',
  'Ivy',
  'Arthur',
  'Lily',
  'Muhammad',
  'Isabella',
  'Oscar',
  'Rosie',
  'Charlie',
  'Sophia',
  'Jacob',
  'Grace',
  'Thomas',
  'Freya',
  'Henry',
  'Willow',
  'William',
  'Florence',
  'James',
  'Emily',
  'Alfie',
  'Ella',
  'Joshua',
  'Poppy',
  'Archie',
  'Evie',
  'Freddie',
  'Elsie',
  'Theo',
  'Charlotte',
  'Isaac',
  'Evelyn',
  'Alexander',
  'Sienna',
  'Lucas',
  'Daisy',
  'Ethan',
  'Sofia',
  'Finley',
  'Matilda',
  'Daniel',
  'Harper',
  'Samuel',
  'Ruby',
  'Joseph',
  'Aisha',
  'Mohammed',
  'Zara',
  'Adam',
  'Priya',
  'Ahmed',
  'Fatima',
  'Kwame',
  'Chloe',
  'Ryan',
  'Megan',
  'Liam',
  'Siobhan',
  'Dylan',
  'Niamh',
  'Rhys',
  'Carys',
  'Ewan',
  'Eilidh',
  'Callum',
  'Morven',
  'Zoltan',
  'Agnieszka',
  'Piotr',
  'Oksana',
];
export const lastNames = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Robinson',
  'Thompson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'James',
  'Scott',
  'Phillips',
  'Watson',
  'Davis',
  'Parker',
  'Price',
  'Bennett',
  'Young',
  'Griffiths',
  'Mitchell',
  'Kelly',
  'Cook',
  'Carter',
  'Richardson',
  'Bailey',
  'Collins',
  'Bell',
  'Shaw',
  'Murphy',
  'Miller',
  'Cox',
  'Richards',
  'Khan',
  'Marshall',
  'Anderson',
  'Simpson',
  'Ellis',
  'Adams',
  'Singh',
  'Begum',
  'Wilkinson',
  'Foster',
  'Chapman',
  'Powell',
  'Webb',
  'Rogers',
  'Gray',
  'Mason',
  'Ali',
  'Hunt',
  'Hussain',
  'Campbell',
  'Matthews',
  'Owen',
  'Palmer',
  'Holmes',
  'Mills',
  'Barnes',
  'Knight',
  'Lloyd',
  'Butler',
  'Russell',
  'Barker',
  'Fisher',
  'Stevens',
  'Jenkins',
  'Murray',
  'Dixon',
  'Harvey',
  'Graham',
  'Pearson',
  'Ahmed',
  'Fletcher',
  'Walsh',
  'Kaur',
  'Gibson',
  'Howard',
  'Andrews',
  'Stewart',
  'Elliott',
  'Reynolds',
  'Saunders',
  'Payne',
  'Fox',
  'Ford',
  'Pearce',
  'Day',
  'Brooks',
  'West',
  'Lawrence',
  'Cole',
  'Atkinson',
  'Bradley',
  'Spencer',
  'Gill',
  'Dawson',
  'Ball',
  'Burton',
  "O'Brien",
  'Watts',
  'Rose',
  'Booth',
  'Perry',
  'Ryan',
  'Grant',
  'Wells',
  'Armstrong',
  'Francis',
  'Rees',
  'Hayes',
  'Hart',
  'Hudson',
  'Newman',
  'Barrett',
  'Webster',
  'Hunter',
  'Gregory',
  'Carr',
  'Lowe',
  'Page',
  'Marsh',
  'Riley',
  'Dunn',
  'Woods',
  'Parsons',
  'Berry',
  'Stone',
  'Reid',
  'Holland',
  'Hawkins',
  'Harding',
  'Porter',
  'Robertson',
  'Newton',
  'Oliver',
  'Reed',
  'Kennedy',
  'Williamson',
  'Bird',
  'Gardner',
  'Shah',
  'Dean',
  'Lane',
  'Cooke',
  'Bates',
  'Henderson',
  'Parry',
  'Burgess',
  'Bishop',
  'Walton',
  'Burns',
  'Nicholson',
  'Shepherd',
  'Ross',
  'Cross',
  'Long',
  'Freeman',
  'Warren',
  'Nicholls',
  'Hamilton',
  'Byrne',
  'Sutton',
  'McDonald',
  'Yates',
  'Hodgson',
  'Robson',
  'Curtis',
  'Hopkins',
  "O'Connor",
  'Harper',
  'Coleman',
  'Watkins',
  'Moss',
  'McCarthy',
  'Chambers',
  "O'Neill",
  'Griffin',
  'Sharp',
  'Hardy',
  'Wheeler',
  'Potter',
  'Osborne',
  'Johnston',
  'Gordon',
  'Doyle',
  'Wallace',
  'George',
  'Jordan',
  'Hutchinson',
  'Rowe',
  'Burke',
  'May',
  'Pritchard',
  'Gilbert',
  'Willis',
  'Higgins',
  'Read',
  'Miles',
  'Stevenson',
  'Stephenson',
  'Hammond',
  'Arnold',
  'Buckley',
  'Walters',
  'Hewitt',
  'Barber',
  'Nelson',
  'Slater',
  'Austin',
  'Sullivan',
  'Whitehead',
  'Mann',
  'Frost',
  'Lambert',
  'Stephens',
  'Blake',
  'Akhtar',
  'Lynch',
  'Goodwin',
  'Barton',
  'Woodward',
  'Thomson',
  'Cunningham',
  'Quinn',
  'Barnett',
  'Baxter',
  'Bibi',
  'Clayton',
  'Nash',
  'Greenwood',
  'Jennings',
  'Holt',
  'Kemp',
  'Poole',
  'Gallagher',
  'Bond',
  'Stokes',
  'Tucker',
  'Davidson',
  'Fowler',
  'Heath',
  'Norman',
  'Middleton',
  'Lawson',
  'Banks',
  'French',
  'Stanley',
  'Jarvis',
  'Gibbs',
  'Ferguson',
  'Hayward',
  'Carroll',
  'Douglas',
  'Dickinson',
  'Todd',
  'Barlow',
  'Peters',
  'Lucas',
  'Knowles',
  'Hartley',
  'Miah',
  'Simmons',
  'Morton',
  'Alexander',
  'Field',
  'Morrison',
  'Norris',
  'Townsend',
  'Preston',
  'Hancock',
  'Thornton',
  'Baldwin',
  'Burrows',
  'Briggs',
  'Storey',
  'Pollard',
  'Nowak',
  'Kowalski',
  'Okafor',
  'Mensah',
  'Nguyen',
  'Chen',
  'Wang',
];
const postcodeAreas = [
  'B',
  'M',
  'L',
  'S',
  'E',
  'N',
  'W',
  'G',
  'BS',
  'LS',
  'SW',
  'SE',
  'NW',
  'EC',
  'WC',
  'CF',
  'SA',
  'NP',
  'LL',
  'EH',
  'AB',
  'DD',
  'KY',
  'PA',
  'BT',
  'NE',
  'SR',
  'DH',
  'TS',
  'DL',
  'YO',
  'HU',
  'DN',
  'WF',
  'HX',
  'BD',
  'HD',
  'OL',
  'BL',
  'WN',
  'PR',
  'BB',
  'LA',
  'CA',
  'CH',
  'CW',
  'ST',
  'DE',
  'NG',
  'LE',
  'CV',
  'WV',
  'WS',
  'DY',
  'WR',
  'HR',
  'GL',
  'OX',
  'RG',
  'SL',
  'HP',
  'MK',
  'NN',
  'PE',
  'CB',
  'IP',
  'NR',
  'CO',
  'CM',
  'SS',
  'RM',
  'IG',
  'EN',
  'AL',
  'SG',
  'LU',
  'WD',
  'HA',
  'UB',
  'TW',
  'KT',
  'SM',
  'CR',
  'BR',
  'DA',
  'ME',
  'CT',
  'TN',
  'RH',
  'BN',
  'GU',
  'PO',
  'SO',
  'BH',
  'SP',
  'BA',
  'TA',
  'EX',
  'TQ',
  'PL',
  'TR',
  'DT',
];
const forces = ['MPS', 'GMP', 'WMP', 'WYP', 'MERPOL', 'SYP', 'THAMESVP', 'AVON', 'DEVCORN', 'KENT', 'ESSEX', 'SWP'];

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
const sqlArray = (values: readonly string[]) => `(ARRAY[${values.map(sqlText).join(', ')}]::text[])`;

/** CASE over cumulative shares of a uniform random value. */
function pick<T>(column: string, shares: ReadonlyArray<readonly [T, number, ...unknown[]]>, literal: (v: T) => string) {
  let cumulative = 0;
  const arms = shares.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return `WHEN ${column} < ${cumulative.toFixed(6)} THEN ${literal(value)}`;
  });
  return `CASE ${arms.join(' ')} ELSE ${literal(shares.at(-1)![0])} END`;
}

const decidedStatuses = `('decided', 'accepted', 'paid', 'closed', 'review_requested', 'under_review', 'appealed', 'reopened')`;

/** The blind index exactly as FieldCipher.blindIndex computes it (values here are ASCII, so NFKC changes nothing). */
export const blindIndexFunction = (keyBase64: string) => `
  CREATE FUNCTION bench_blind_index(purpose text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT rtrim(translate(encode(hmac(convert_to(purpose, 'UTF8') || '\\x00'::bytea || convert_to(lower(btrim(value)), 'UTF8'),
      decode(${sqlText(keyBase64)}, 'base64'), 'sha256'), 'base64'), '+/', '-_'), '=')
  $$`;

/** ISO/IEC 7064 MOD 11-2, as libs/domain/src/claims/claim-reference.ts. */
export const checkCharacterFunction = `
  CREATE FUNCTION bench_mod11_2(digits text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
  DECLARE total int := 0; i int;
  BEGIN
    FOR i IN 1..length(digits) LOOP
      total := ((total + (ascii(substr(digits, i, 1)) - 48)) * 2) % 11;
    END LOOP;
    RETURN CASE (12 - total) % 11 WHEN 10 THEN 'X' ELSE ((12 - total) % 11)::text END;
  END $$`;

/**
 * One row per claim with every random draw it needs, so the tables below agree with each other. Serial numbers run
 * from 000000 so a million references keep six digits.
 */
export const seedTable = (claims: number) => `
  CREATE UNLOGGED TABLE bench_seed AS
  WITH draws AS (
    SELECT g, gen_random_uuid() AS claim_id, gen_random_uuid() AS application_id, gen_random_uuid() AS citizen_id,
      random() AS r_team, random() AS r_status, random() AS r_priority, random() AS r_age, random() AS r_assigned,
      random() AS r_restricted, random() AS r_first, random() AS r_last, random() AS r_dob, random() AS r_postcode,
      random() AS r_crime, random() AS r_other, random() AS r_staff, random() AS r_pause
    FROM generate_series(1, ${claims}) g
  ), typed AS (
    SELECT d.*,
      ${pick('r_team', teams, sqlText)} AS team,
      ${pick('r_status', statuses, sqlText)} AS status,
      ${pick('r_priority', priorities, String)} AS priority
    FROM draws d
  ), aged AS (
    SELECT t.*,
      CASE t.status ${statuses.map(([s, , min, max]) => `WHEN ${sqlText(s)} THEN ${min} + t.r_age * ${max - min}`).join(' ')} END AS age_days,
      CASE t.status ${statuses.map(([s, , , , v]) => `WHEN ${sqlText(s)} THEN ${v}`).join(' ')} END AS version
    FROM typed t
  )
  SELECT a.*,
    date_trunc('second', now() - make_interval(secs => a.age_days * 86400)) AS submitted_at,
    -- Assigned: work in progress always, finished claims keep their last caseworker, a few released claims not.
    CASE
      WHEN a.status IN ('submitted', 'triaged') THEN a.r_assigned < 0.05
      WHEN a.status = 'review_requested' THEN a.r_assigned < 0.2
      WHEN a.status = 'reopened' THEN a.r_assigned < 0.5
      WHEN a.status = 'in_assessment' THEN a.r_assigned < 0.95
      WHEN a.status = 'withdrawn' THEN a.r_assigned < 0.5
      ELSE true END AS assigned,
    'cw-' || a.team || '-' || (1 + floor(a.r_staff * 40))::int AS staff_id,
    a.r_restricted < 0.003 AS restricted,
    ${sqlArray(firstNames)}[1 + floor(power(a.r_first, 1.6) * ${firstNames.length})::int] AS first_name,
    ${sqlArray(lastNames)}[1 + floor(power(a.r_last, 2.2) * ${lastNames.length})::int] AS last_name,
    CASE WHEN a.r_other < 0.03 THEN ${sqlArray(lastNames)}[1 + floor(a.r_other / 0.03 * ${lastNames.length})::int] END AS other_last_name,
    (date '1935-01-01' + floor(a.r_dob * 30000)::int) AS date_of_birth,
    ${sqlArray(postcodeAreas)}[1 + floor(a.r_postcode * ${postcodeAreas.length})::int]
      || (1 + floor(a.r_postcode * 1e3)::int % 20)::text || ' ' || (floor(a.r_postcode * 1e5)::int % 10)::text
      || chr(65 + floor(a.r_postcode * 1e7)::int % 26) || chr((65 + floor(a.r_postcode * 1e9)::bigint % 26)::int) AS postcode,
    CASE WHEN a.r_crime < 0.85 THEN ${sqlArray(forces)}[1 + (a.g % ${forces.length})]
      || '/' || lpad(((a.g::bigint * 7919) % 100000000)::text, 8, '0') || '/' || to_char(now() - make_interval(days => a.age_days::int + 20), 'YY') END AS crime_reference
  FROM aged a`;

export const fillTables = (developmentBlindIndexKey: string, now = 'now()') => [
  blindIndexFunction(developmentBlindIndexKey),
  checkCharacterFunction,
  normaliseNameFunction,
  `INSERT INTO citizen_account (id, email_blind_index, email_encrypted, created_at)
   SELECT citizen_id, 'bench-' || g, 'bench-not-encrypted', submitted_at - interval '3 days' FROM bench_seed`,
  `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, expires_at, submitted_at)
   SELECT application_id, citizen_id, 'submitted', 12, submitted_at - interval '3 days', submitted_at, NULL, submitted_at
   FROM bench_seed`,
  `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
     pending_decision, decision, applicant_role, representative_type, crime_reference_given, declaration_version,
     declared_at, declared_by_citizen_id, assigned_staff_id, team, restricted, eligibility_outcome,
     eligibility_assessed_at, created_at, updated_at, priority, assigned_at, service_level_days,
     service_level_paused_seconds, service_level_paused_since, service_level_due_at)
   SELECT s.claim_id,
     to_char(s.submitted_at, 'YY') || '-' || lpad((s.g - 1)::text, 6, '0') || '-'
       || bench_mod11_2(to_char(s.submitted_at, 'YY') || lpad((s.g - 1)::text, 6, '0')),
     s.application_id, s.citizen_id, s.status, s.version,
     least(${now}, s.submitted_at + make_interval(days => (s.age_days * 0.6)::int)), s.submitted_at,
     CASE WHEN s.status = 'decision_pending_approval' THEN jsonb_build_object('outcome', 'award',
       'awardPence', 100000 + (s.g % 50) * 10000, 'proposedBy', s.staff_id) END,
     CASE WHEN s.status IN ${decidedStatuses} THEN jsonb_build_object('outcome', CASE WHEN s.g % 4 = 0 THEN 'refusal' ELSE 'award' END,
       'awardPence', CASE WHEN s.g % 4 = 0 THEN NULL ELSE 100000 + (s.g % 50) * 10000 END, 'proposedBy', s.staff_id,
       'decidedOn', to_char(s.submitted_at + interval '90 days', 'YYYY-MM-DD'), 'decidedBy', s.staff_id, 'isReview', false) END,
     CASE WHEN s.g % 10 = 0 THEN 'parent-or-guardian' WHEN s.g % 23 = 0 THEN 'representative' ELSE 'self' END, NULL,
     s.crime_reference IS NOT NULL, '2024-01', s.submitted_at, s.citizen_id,
     CASE WHEN s.assigned THEN s.staff_id END, s.team, s.restricted, 'eligible', s.submitted_at + interval '2 minutes',
     s.submitted_at, s.submitted_at, s.priority,
     CASE WHEN s.assigned THEN s.submitted_at + interval '2 days' END,
     CASE s.team WHEN 'fatal' THEN 182 ELSE 112 END,
     CASE WHEN s.status NOT IN ('submitted', 'triaged') AND s.r_pause < 0.35 THEN floor(s.r_pause * 60 * 86400)::bigint ELSE 0 END,
     CASE WHEN s.status = 'awaiting_information' THEN ${now} - make_interval(days => (s.r_pause * 20)::int) END,
     -- the claim_service_level_due trigger's formula (triggers are off while loading)
     s.submitted_at + make_interval(days => CASE s.team WHEN 'fatal' THEN 182 ELSE 112 END)
       + make_interval(secs => CASE WHEN s.status NOT IN ('submitted', 'triaged') AND s.r_pause < 0.35
         THEN floor(s.r_pause * 60 * 86400) ELSE 0 END)
   FROM bench_seed s`,
  `INSERT INTO claim_event (id, claim_id, version, type, from_status, to_status, actor_kind, actor_id, occurred_at, data)
   SELECT gen_random_uuid(), claim_id, 1, 'claim.submitted', 'draft', 'submitted', 'citizen', citizen_id::text,
     submitted_at, '{}'::jsonb FROM bench_seed`,
  `INSERT INTO claim_restricted_staff (claim_id, staff_id, granted_by_staff_id, granted_at)
   SELECT claim_id, staff_id, 'tl-' || team, submitted_at + interval '1 day' FROM bench_seed WHERE restricted`,
  // The terms searchTermsOf makes, normalised as libs/application/src/search/search-normalise.ts does.
  `INSERT INTO claim_search_term (claim_id, field, blind_index)
   SELECT claim_id, field, bench_blind_index(
     CASE field WHEN 'fullName' THEN 'claim-search:full-name' WHEN 'lastName' THEN 'claim-search:last-name'
       WHEN 'dateOfBirth' THEN 'claim-search:date-of-birth' WHEN 'postcode' THEN 'claim-search:postcode'
       ELSE 'claim-search:crime-reference' END, value)
   FROM (
     SELECT claim_id, 'lastName' AS field, bench_normalise_name(last_name) AS value FROM bench_seed
     UNION ALL SELECT claim_id, 'fullName', bench_normalise_name(first_name || ' ' || last_name) FROM bench_seed
     UNION ALL SELECT claim_id, 'fullName', bench_normalise_name(first_name || ' ' || other_last_name) FROM bench_seed
       WHERE other_last_name IS NOT NULL
     UNION ALL SELECT claim_id, 'dateOfBirth', to_char(date_of_birth, 'YYYY-MM-DD') FROM bench_seed
     UNION ALL SELECT claim_id, 'postcode', regexp_replace(upper(postcode), '[^A-Z0-9]', '', 'g') FROM bench_seed
     UNION ALL SELECT claim_id, 'crimeReference', regexp_replace(upper(crime_reference), '[^A-Z0-9]', '', 'g')
       FROM bench_seed WHERE crime_reference IS NOT NULL
   ) terms
   ON CONFLICT DO NOTHING`,
  // The variants nameVariantsOf makes (libs/application/src/search/name-variants.ts): every distinct token of the
  // first, last and other names, itself (exact) and, from 4 to 24 letters, with each letter deleted; keyed as
  // PostgresClaimSearchIndex keys them. Computed once per distinct set of names, then given to each claim that has it.
  `INSERT INTO claim_name_variant (claim_id, variant, exact)
   WITH names AS (
     SELECT DISTINCT first_name, last_name, coalesce(other_last_name, '') AS other_last_name FROM bench_seed
   ), name_tokens AS (
     SELECT DISTINCT n.first_name, n.last_name, n.other_last_name, token
     FROM names n, unnest(string_to_array(bench_normalise_name(
       concat_ws(' ', n.first_name, n.last_name, nullif(n.other_last_name, ''))), ' ')) AS token
     WHERE token <> ''
   ), tokens AS (
     SELECT DISTINCT token FROM name_tokens
   ), neighbourhoods AS (
     SELECT token, token AS variant FROM tokens
     UNION
     SELECT token, left(token, i - 1) || substr(token, i + 1) FROM tokens, generate_series(1, length(token)) AS i
     WHERE length(token) BETWEEN ${LONGEST_EXACT_ONLY_TOKEN + 1} AND ${LONGEST_CLOSE_TOKEN}
   ), keyed AS (
     SELECT token, bench_blind_index(${sqlText(nameVariantPurpose)}, variant) AS variant, variant = token AS exact
     FROM neighbourhoods
   ), name_variants AS (
     SELECT t.first_name, t.last_name, t.other_last_name, k.variant, bool_or(k.exact) AS exact
     FROM name_tokens t JOIN keyed k USING (token)
     GROUP BY t.first_name, t.last_name, t.other_last_name, k.variant
   )
   SELECT s.claim_id, v.variant, v.exact FROM bench_seed s JOIN name_variants v
     ON v.first_name = s.first_name AND v.last_name = s.last_name
       AND v.other_last_name = coalesce(s.other_last_name, '')`,
  // References continue after the generated ones.
  `SELECT setval('claim_reference_seq', (SELECT count(*) FROM bench_seed) + 1)`,
];

/** normaliseName for ASCII names: apostrophes dropped, anything else not a letter or digit a space, lower case. */
export const normaliseNameFunction = `
  CREATE FUNCTION bench_normalise_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(replace(lower(name), '''', ''), '[^a-z0-9]+', ' ', 'g'))
  $$`;
