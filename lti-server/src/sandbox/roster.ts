/** The sandbox LMS's people and courses: invented, so nobody real is ever named in a demo. */
export interface SandboxUser {
  id: string;
  name: string;
  givenName: string;
  familyName: string;
  /** What the person is in the sandbox, in words. */
  label: string;
  roles: string[];
}

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';

export const SANDBOX_USERS: SandboxUser[] = [
  {
    id: 'sandbox-ana-rivera',
    name: 'Ana Rivera',
    givenName: 'Ana',
    familyName: 'Rivera',
    label: 'Teacher',
    roles: [`${LIS}/membership#Instructor`, `${LIS}/institution/person#Faculty`],
  },
  {
    id: 'sandbox-ben-okafor',
    name: 'Ben Okafor',
    givenName: 'Ben',
    familyName: 'Okafor',
    label: 'Teacher',
    roles: [`${LIS}/membership#Instructor`, `${LIS}/institution/person#Faculty`],
  },
  {
    id: 'sandbox-chloe-martin',
    name: 'Chloé Martin',
    givenName: 'Chloé',
    familyName: 'Martin',
    label: 'Teacher',
    roles: [`${LIS}/membership#Instructor`, `${LIS}/institution/person#Faculty`],
  },
  {
    id: 'sandbox-dana-kim',
    name: 'Dana Kim',
    givenName: 'Dana',
    familyName: 'Kim',
    label: 'Instructional coach (course designer)',
    // A coach because she is the course's designer; the account-admin role alone makes nobody a coach.
    roles: [
      `${LIS}/membership#ContentDeveloper`,
      `${LIS}/membership#Instructor`,
      `${LIS}/institution/person#Administrator`,
    ],
  },
  {
    id: 'sandbox-sam-student',
    name: 'Sam Student',
    givenName: 'Sam',
    familyName: 'Student',
    label: 'Student',
    roles: [`${LIS}/membership#Learner`, `${LIS}/institution/person#Student`],
  },
];

/**
 * Colleagues who are on the sandbox course's roster (Names and Roles) but have no launch button: enough teachers
 * for a coach to plan a whole round (12 teachers with Ana, Ben and Chloé).
 */
export const SANDBOX_COLLEAGUES: SandboxUser[] = [
  ['elif-demir', 'Elif', 'Demir'],
  ['farid-haddad', 'Farid', 'Haddad'],
  ['hana-sato', 'Hana', 'Sato'],
  ['ivan-petrov', 'Ivan', 'Petrov'],
  ['jade-moreau', 'Jade', 'Moreau'],
  ['kofi-mensah', 'Kofi', 'Mensah'],
  ['lucia-torres', 'Lucía', 'Torres'],
  ['maya-cohen', 'Maya', 'Cohen'],
  ['noah-schmidt', 'Noah', 'Schmidt'],
].map(([slug, givenName, familyName]) => ({
  id: `sandbox-${slug}`,
  name: `${givenName} ${familyName}`,
  givenName: givenName!,
  familyName: familyName!,
  label: 'Teacher (on the roster only)',
  roles: [`${LIS}/membership#Instructor`, `${LIS}/institution/person#Faculty`],
}));

/** Everyone on a sandbox course's roster. */
export const SANDBOX_MEMBERS: SandboxUser[] = [...SANDBOX_USERS, ...SANDBOX_COLLEAGUES];

export interface SandboxPage {
  slug: string;
  title: string;
  /** Trusted, hand-written HTML shown on the sandbox course page (the extension will clip from it). */
  html: string;
}

export interface SandboxCourse {
  id: string;
  title: string;
  label: string;
  pages: SandboxPage[];
  /** The deployment its launches name; the sandbox school's (SANDBOX_DEPLOYMENT_ID) when absent. */
  deploymentId?: string;
}

/** The demo school's deployment of the sandbox LMS: a tenant of its own, so resetting it touches nothing else. */
export const SANDBOX_DEMO_DEPLOYMENT_ID = 'sandbox-demo-school';

/** The demo school's own name, as its coach would set it in Settings (the platform's name is "Sandbox LMS"). */
export const SANDBOX_DEMO_SCHOOL_NAME = 'Maple Grove Middle School';

/**
 * The demo school's staff room: the same people as the other sandbox courses, in a school of its own (its own
 * deployment) whose menu, doors, visits, notes, round and picture the server seeds (DEMO_SCHOOL, on under npm start).
 */
export const SANDBOX_DEMO_COURSE: SandboxCourse = {
  id: 'sandbox-course-demo',
  title: `${SANDBOX_DEMO_SCHOOL_NAME} — Staff Room`,
  label: 'DEMO',
  pages: [],
  deploymentId: SANDBOX_DEMO_DEPLOYMENT_ID,
};

export const SANDBOX_COURSES: SandboxCourse[] = [
  {
    id: 'sandbox-course-7sci',
    title: 'Grade 7 Science — Team Room',
    label: 'SCI-7',
    pages: [
      {
        slug: 'think-pair-share-warm-up',
        title: 'Warm-up: Think–Pair–Share with a data card',
        html: `<h2>Think–Pair–Share with a data card</h2>
<p>A ten-minute opener that gets every student talking about evidence before the lesson starts.</p>
<h3>Steps</h3>
<ol>
  <li>Project one small data card (a graph or a table) as students walk in.</li>
  <li><strong>Think (2 minutes):</strong> each student writes one thing they notice and one thing they wonder.</li>
  <li><strong>Pair (4 minutes):</strong> partners compare notes and choose the observation with the strongest evidence.</li>
  <li><strong>Share (4 minutes):</strong> three pairs share; the class sorts claims into "the data shows" and "we wonder".</li>
</ol>
<p>What to look for: students pointing at the data when they speak, and partners building on each other's words.</p>`,
      },
      {
        slug: 'exit-ticket-traffic-light',
        title: 'Exit ticket: traffic-light self-check',
        html: `<h2>Traffic-light exit ticket</h2>
<p>In the last five minutes, students hold up a green, amber or red card for each learning goal and write one sentence
about why.</p>
<ol>
  <li>Show the day's two learning goals on the board.</li>
  <li>Students choose a color for each goal and write one reason on a sticky note.</li>
  <li>They post the notes by the door on their way out; the teacher sorts them before tomorrow's warm-up.</li>
</ol>`,
      },
    ],
  },
  {
    id: 'sandbox-course-9eng',
    title: 'Grade 9 English — Department',
    label: 'ENG-9',
    pages: [
      {
        slug: 'sentence-frames-discussion',
        title: 'Discussion: sentence frames for academic talk',
        html: `<h2>Sentence frames for academic talk</h2>
<p>Give students three frames on a card: "I agree with … because …", "I'd like to add …", "Where in the text …?".
During a ten-minute small-group discussion each student uses each frame once and ticks it off.</p>`,
      },
    ],
  },
];

export function findSandboxUser(id: string): SandboxUser | undefined {
  return SANDBOX_USERS.find((u) => u.id === id);
}

export function findSandboxCourse(id: string): SandboxCourse | undefined {
  return id === SANDBOX_DEMO_COURSE.id ? SANDBOX_DEMO_COURSE : SANDBOX_COURSES.find((c) => c.id === id);
}
