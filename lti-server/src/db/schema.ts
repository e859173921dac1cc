import type { ColumnType } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both databases, so they sort and compare the same everywhere. */
type Timestamp = string;

export interface TenantTable {
  id: string;
  issuer: string;
  client_id: string;
  deployment_id: string;
  /** The LMS platform's name, set again by each launch. */
  name: string;
  created_at: Timestamp;
  /** The school's own name, set by its coach in Settings (migration 0041); null until then. */
  school_name: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * Origins of LMS pages that frame the tool, learned from verified launches (the platform's signed return URLs).
 * Together with the registered platforms' own origins they make the app's `frame-ancestors`.
 */
export interface FrameOriginTable {
  tenant_id: string;
  origin: string;
  created_at: Timestamp;
}

/** Deployments an administrator registered for a platform; a launch naming another deployment is refused. */
export interface PlatformDeploymentTable {
  issuer: string;
  client_id: string;
  deployment_id: string;
  created_at: Timestamp;
  /** Set when the deployment was recorded at its first launch (a platform that learns deployments). */
  learned_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface PlatformPolicyTable {
  issuer: string;
  client_id: string;
  deployments: 'registered' | 'learn';
  created_at: Timestamp;
}

export interface NetworkTable {
  id: string;
  tenant_id: string;
  context_id: string;
  title: string;
  scope: 'course' | 'deployment';
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The course's Names and Roles membership URL, when the LMS offers the service. */
  nrps_url: string | null;
  /** Bumped by every transaction that changes the network's `picture_groups` (migration 0042): a cached picture's key. */
  picture_version: ColumnType<number, number | undefined, number>;
}

/** Teachers and coaches only: a launch by anyone else is refused before a row is written. */
export interface PersonTable {
  id: string;
  tenant_id: string;
  subject: string;
  name: string;
  role: 'teacher' | 'coach';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** From the last launch that sent one: BCP 47 interface language, IANA time zone. */
  locale: string | null;
  time_zone: string | null;
  /** The interface language the person chose in the app (migration 0038); null follows `locale`, then the browser. */
  language: 'en' | 'es' | null;
}

/** Bearer sessions issued at launch. Only the SHA-256 of the token is stored. */
export interface SessionTable {
  token_hash: string;
  tenant_id: string;
  person_id: string;
  network_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

/**
 * The key pair a room session's phone seals unsent notes with: the phone gets the public half; the private half stays
 * here and goes with the session (a revoked or expired session opens nothing).
 */
export interface RoomNoteKeyTable {
  session_hash: string;
  tenant_id: string;
  person_id: string;
  kid: string;
  public_jwk: string;
  private_jwk: string;
  created_at: Timestamp;
}

/** A single-use sign-in link for the room note mode (only its secret's hash). */
export interface RoomLinkTable {
  token_hash: string;
  tenant_id: string;
  person_id: string;
  network_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** The SHA-256 of the session that minted the link (null only for links minted before migration 0043). */
  session_hash: string | null;
}

export interface SandboxKeyTable {
  kid: string;
  private_pem: string;
  public_jwk: string;
  created_at: Timestamp;
}

/** ltijs's own collections, one table each (see lti-server/src/db/ltijs-store.ts). */
export interface LtiDocTable {
  /** JSON of the item, or of `{ iv, data }` for the collections ltijs encrypts. */
  doc: string;
  /** Milliseconds since the epoch. */
  created_at: number;
  /** Milliseconds since the epoch; null keeps the row until it is deleted. */
  expires_at: number | null;
}
export interface LtiPlatformTable extends LtiDocTable {
  platform_url: string;
  client_id: string;
  kid: string;
}
export interface LtiPlatformStatusTable extends LtiDocTable {
  status_id: string;
}
export interface LtiKeyTable extends LtiDocTable {
  kid: string;
  platform_url: string;
  client_id: string;
}
export interface LtiAccessTokenTable extends LtiDocTable {
  platform_url: string;
  client_id: string;
  scopes: string;
}
export interface LtiIdTokenTable extends LtiDocTable {
  iss: string;
  client_id: string;
  deployment_id: string;
  user_id: string;
}
export interface LtiContextTokenTable extends LtiDocTable {
  context_id: string;
  user_id: string;
}
export interface LtiNonceTable extends LtiDocTable {
  nonce: string;
}
export interface LtiStateTable extends LtiDocTable {
  state: string;
}

/**
 * The nonce each login sent to the platform, bound to that login's state (both as SHA-256, hex). A launch uses its
 * state's row once. Times are milliseconds, like ltijs's own rows.
 */
/** A rate limit's count for one client in its current window (lti-server/src/http/rate-limit.ts). */
export interface RateLimitTable {
  /** SHA-256 (hex) of the limit's name and the client's key. */
  key: string;
  hits: number;
  reset_at: number;
}

export interface LaunchNonceTable {
  state_hash: string;
  nonce_hash: string;
  /** The platform the login was started for. */
  issuer: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/**
 * A cookieless launch's binding (LTI platform storage, lti/platform-storage.ts): a login's state and the SHA-256 (hex)
 * of the secret the LMS keeps for the browser. Used once. Times are milliseconds, like ltijs's own rows.
 */
export interface StorageBindingTable {
  state: string;
  issuer: string;
  binding_hash: string;
  /** The frame the login page posted to (`lti_storage_target`). */
  target: string;
  platform_origin: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface StrategyTable {
  id: string;
  tenant_id: string;
  network_id: string;
  contributor_id: string;
  client_id: string | null;
  title: string;
  purpose: string;
  /** JSON array of strings. */
  steps: string;
  minutes: number;
  subject: string;
  grade_band: string;
  /** JSON array of normalised tags (also in strategy_tags for filtering). */
  tags: string;
  source_url: string | null;
  source_title: string | null;
  /** Sanitized on the server before it is stored. */
  excerpt_html: string | null;
  status: 'pending' | 'approved' | 'featured' | 'retired';
  change_message: string | null;
  change_requested_at: Timestamp | null;
  merged_into_id: string | null;
  dup_key: string;
  /** Title, purpose, steps and tags: what full-text search indexes. */
  search_text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StrategyTagTable {
  tenant_id: string;
  strategy_id: string;
  tag: string;
}

export interface StrategyCreditTable {
  tenant_id: string;
  strategy_id: string;
  person_id: string;
}

export interface StrategyTryTable {
  tenant_id: string;
  strategy_id: string;
  person_id: string;
  state: 'trying' | 'tried';
  reflection: string | null;
  shared_with_contributor: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventTable {
  id: string;
  tenant_id: string;
  actor_id: string;
  action: string;
  subject_id: string;
  /** JSON object. */
  details: string;
  at: Timestamp;
}

/**
 * The search word list. PostgreSQL (migration 0013): every lexeme of a tenant's strategies, kept by triggers, so a
 * search can expand a typed prefix into exact lexemes; words no strategy uses any more are pruned by the hourly job.
 * SQLite (migration 0024): every word of a tenant's strategy texts as typed, lower case, added by the strategies
 * repository. Both serve the spelling fallback (repositories/search-words.ts `spellingCandidates`).
 */
export interface SearchWordTable {
  tenant_id: string;
  word: string;
}

/** PostgreSQL only (migration 0013): words an edit removed from a strategy, for the hourly job to check and prune. */
export interface SearchWordCheckTable {
  tenant_id: string;
  word: string;
}

/**
 * PostgreSQL only (migration 0044): how many strategies of a network with a status (merged ones left out) hold a
 * lexeme, kept by triggers; a search reads it to know whether it is broad before it reads the menu.
 */
export interface SearchWordCountTable {
  tenant_id: string;
  network_id: string;
  status: string;
  word: string;
  strategies: number;
}

export interface TenantSettingsTable {
  tenant_id: string;
  network_scope: 'course' | 'deployment';
  /** JSON array of normalised roles (shared/lti.ts `normaliseRole`) that make someone a coach. */
  coach_roles: string;
  /** JSON of shared/school-day.ts SchoolDay (time zone and bell schedule); null until a coach sets them. */
  school_day: string | null;
  /** JSON array of the subjects the school keeps for its menu (migration 0024); empty means the defaults. */
  subjects: ColumnType<string, string | undefined, string>;
  /** JSON array of the grades the school keeps for its menu (migration 0031); empty means the defaults. */
  grades: ColumnType<string, string | undefined, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PairingTable {
  id: string;
  code_hash: string;
  claim_hash: string;
  /** Set when a signed-in teacher confirms the code. */
  tenant_id: string | null;
  person_id: string | null;
  network_id: string | null;
  label: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface DeviceTokenTable {
  id: string;
  token_hash: string;
  tenant_id: string;
  person_id: string;
  network_id: string;
  label: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RegistrationInviteTable {
  id: string;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** The platform the code registered: issuer and client id. */
  used_for: string | null;
}

export interface DeepLinkRequestTable {
  id: string;
  tenant_id: string;
  person_id: string;
  return_url: string;
  /** JSON array of content item types the platform accepts. */
  accept_types: string;
  accept_multiple: number;
  data: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface RetiredToolKeyTable {
  kid: string;
  public_jwk: string;
  retired_at: Timestamp;
  expires_at: Timestamp;
}

export interface DoorTable {
  id: string;
  tenant_id: string;
  network_id: string;
  host_id: string;
  /** Null for a classroom in a round (the round has a focus instead). */
  strategy_id: string | null;
  round_id: string | null;
  /** Doors opened together with "repeat weekly" share a series id. */
  series_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  minutes: number;
  /** The host's IANA zone, so a repeated door keeps its local time across DST. */
  time_zone: string;
  location: string;
  capacity: number;
  booked: number;
  visitor_note: string | null;
  look_for: string | null;
  status: 'open' | 'cancelled';
  /** iCalendar SEQUENCE of the host's event: raised on every change. */
  sequence: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitTable {
  id: string;
  tenant_id: string;
  door_id: string;
  visitor_id: string;
  status: 'booked' | 'cancelled';
  cancelled_by: 'visitor' | 'host' | null;
  /** iCalendar SEQUENCE of the visitor's event. */
  sequence: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The host's thank-you to this visitor. */
  thanks_message: string | null;
  thanked_at: Timestamp | null;
}

export interface CalendarFeedTable {
  token_hash: string;
  tenant_id: string;
  person_id: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface RoundTable {
  id: string;
  tenant_id: string;
  network_id: string;
  created_by: string;
  title: string;
  focus_kind: 'strategy' | 'tag' | 'problem';
  focus_value: string;
  /** Local date and time in `time_zone`. */
  date: string;
  start: string;
  time_zone: string;
  /** Which `start` is meant when the clocks show it twice on `date`; null otherwise. */
  start_occurrence: 'earlier' | 'later' | null;
  slot_minutes: number;
  gap_minutes: number;
  look_for: string | null;
  status: 'draft' | 'published';
  /** JSON array of person ids. */
  participants: string;
  /** JSON array of `{ id, location }`. */
  hosts: string;
  /** JSON array of arrays of person ids; the rotation is derived from them by the planner. */
  groups: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The debrief: description → analysis → prediction → next level of work → done (the round's summary). */
  debrief_phase: 'description' | 'analysis' | 'prediction' | 'next' | 'done';
  prediction: string | null;
  next_level: string | null;
  summarized_at: Timestamp | null;
  /** The cycle the round belongs to (migration 0033). */
  cycle_id: string | null;
}

/** A proposed problem of practice (migration 0033): open for votes and comments until closed or chosen. */
export interface ProblemTable {
  id: string;
  tenant_id: string;
  network_id: string;
  proposer_id: string;
  title: string;
  why: string | null;
  status: 'open' | 'closed' | 'chosen';
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One person's vote on a proposal; changeable, never shown except as counts. */
export interface ProblemVoteTable {
  tenant_id: string;
  problem_id: string;
  person_id: string;
  choice: 'for' | 'against';
  updated_at: Timestamp;
}

export interface ProblemCommentTable {
  id: string;
  tenant_id: string;
  problem_id: string;
  author_id: string;
  text: string;
  created_at: Timestamp;
}

/** A series of rounds on one problem of practice. */
export interface CycleTable {
  id: string;
  tenant_id: string;
  network_id: string;
  problem_id: string;
  created_by: string;
  title: string;
  status: 'active' | 'ended';
  /** JSON array of person ids: the volunteers it started with and those added since. */
  members: string;
  /** JSON array of strategy ids. */
  strategies: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Something a round's coach needs to act on: a participant cancelled a round visit. */
export interface RoundNoticeTable {
  id: string;
  tenant_id: string;
  round_id: string;
  /** The coach who planned the round (who is told). */
  coach_id: string;
  /** Who cancelled. */
  person_id: string;
  door_id: string;
  /** A participant cancelled their visit (`person_id`), or the host declined the slot (`person_id` is the host). */
  kind: 'visit_cancelled' | 'slot_declined';
  /** Why the teacher canceled (migration 0031; null for notices written before it). */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  seen_at: Timestamp | null;
}

/** What a host asks a round's visitors to look for in their room: some of the round's look-fors, and/or their own. */
export interface RoundHostChoiceTable {
  tenant_id: string;
  round_id: string;
  host_id: string;
  /** JSON array of the round's look-fors the host picked. */
  picked: string;
  own: string | null;
  updated_at: Timestamp;
}

/** A host declined one slot (door) of a round, saying why; the coach may move that group to another room. */
export interface RoundDeclineTable {
  id: string;
  tenant_id: string;
  round_id: string;
  door_id: string;
  host_id: string;
  reason: string;
  created_at: Timestamp;
  /** The door the coach moved the group to, once re-planned. */
  replanned_door_id: string | null;
  replanned_at: Timestamp | null;
}

/** A host is told their room's visits fed the school picture of a finished round (never how). */
export interface HostNoticeTable {
  id: string;
  tenant_id: string;
  round_id: string;
  host_id: string;
  kind: 'picture_fed';
  created_at: Timestamp;
  seen_at: Timestamp | null;
}

/** A round's briefing: the why, the look-fors, the norms (JSON array of text) and the roles per group (JSON). */
export interface RoundBriefingTable {
  round_id: string;
  tenant_id: string;
  why: string | null;
  look_fors: string | null;
  /** JSON array of text. */
  norms: string;
  /** JSON array, one `{ facilitator, timekeeper, noteTaker }` of person ids per group, in the groups' order. */
  roles: string;
  created_at: Timestamp;
  /** When the words last changed. */
  updated_at: Timestamp;
}

/** A participant acknowledged a round's briefing (their latest time). */
export interface RoundBriefingAckTable {
  tenant_id: string;
  round_id: string;
  person_id: string;
  acknowledged_at: Timestamp;
}

/** A debrief phase the coach moved on from without what it needs, and why. */
export interface DebriefSkipTable {
  id: string;
  tenant_id: string;
  round_id: string;
  phase: 'description' | 'analysis' | 'prediction' | 'next' | 'done';
  reason: string;
  created_at: Timestamp;
}

/** A de-identified evidence card in a round's debrief: text only, copied by its writer from their own note. */
export interface DebriefCardTable {
  id: string;
  tenant_id: string;
  round_id: string;
  /** Only so the writer can withdraw their card; never presented. */
  author_id: string;
  source_note_id: string;
  text: string;
  pattern_id: string | null;
  created_at: Timestamp;
}

export interface DebriefPatternTable {
  id: string;
  tenant_id: string;
  round_id: string;
  name: string;
  created_at: Timestamp;
}

/** A note belongs to the visited teacher (host_id); only the host and the writer ever read it. */
export interface NoteTable {
  id: string;
  tenant_id: string;
  network_id: string;
  visit_id: string;
  door_id: string;
  host_id: string;
  writer_id: string;
  prompt: 'students' | 'teacher' | 'prediction';
  text: string;
  useful: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
  /** The writer's device's id for the note (the room note mode's outbox): a resend finds the stored note. */
  client_id?: string | null;
}

/** One entry of a visit's reflective dialogue: private to the door's host and its booked visitors. */
export interface DialogueEntryTable {
  id: string;
  tenant_id: string;
  network_id: string;
  door_id: string;
  host_id: string;
  author_id: string;
  part: 'noticed' | 'wondering' | 'reply' | 'next_step';
  text: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface NotesRetentionTable {
  tenant_id: string;
  /** 'YYYY-MM-DD': notes are deleted at the end of this day (UTC). */
  expires_on: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** What one visit with unexpired notes counts for in the picture: the snapshot the counters were last changed by. */
export interface PictureVisitTable {
  visit_id: string;
  tenant_id: string;
  network_id: string;
  host_id: string;
  strategy_id: string | null;
  /** JSON array of { kind, label }: the groups the visit counts in. */
  groups: string;
  /** JSON array of theme ids the visit's notes show. */
  themes: string;
}

/**
 * A group of the picture (the whole school, a strategy title, a tag): how many visits in how many classrooms, and per
 * theme how many of those visits show it.
 */
export interface PictureGroupTable {
  tenant_id: string;
  network_id: string;
  kind: 'school' | 'strategy' | 'tag' | 'round';
  label: string;
  visits: number;
  hosts: number;
  /** JSON object: theme id → visits whose notes show it (themes no visit shows are absent). */
  themes: string;
}

/** A group's visits per host: only so the group's count of classrooms stays exact. */
export interface PictureGroupHostTable {
  tenant_id: string;
  network_id: string;
  kind: 'school' | 'strategy' | 'tag' | 'round';
  label: string;
  host_id: string;
  visits: number;
}

/** A district network across schools (migration 0039): schools visit each other's rounds. */
export interface DistrictTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

/** A school (tenant) in a district: `invited` until its coach accepts, then `member`. */
export interface DistrictSchoolTable {
  district_id: string;
  tenant_id: string;
  status: 'invited' | 'member';
  invited_at: Timestamp;
  joined_at: Timestamp | null;
}

/** A single-use code a member school's coach (`tenant_id`, `created_by`) hands to another school's coach. */
export interface DistrictInviteTable {
  id: string;
  district_id: string;
  tenant_id: string;
  code_hash: string;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

/** A host school's (`tenant_id`) round opened to its district, with the problem of practice. */
export interface DistrictRoundTable {
  round_id: string;
  tenant_id: string;
  district_id: string;
  problem: string;
  opened_by: string;
  opened_at: Timestamp;
}

/** A visiting coach's seat in a cross-school round: `tenant_id` is the host school, `guest_id` their person there. */
export interface DistrictSeatTable {
  round_id: string;
  tenant_id: string;
  district_id: string;
  visitor_tenant_id: string;
  visitor_id: string;
  guest_id: string;
  joined_at: Timestamp;
}

export interface Database {
  tenants: TenantTable;
  platform_deployments: PlatformDeploymentTable;
  platform_policies: PlatformPolicyTable;
  frame_origins: FrameOriginTable;
  networks: NetworkTable;
  people: PersonTable;
  sessions: SessionTable;
  room_links: RoomLinkTable;
  room_note_keys: RoomNoteKeyTable;
  sandbox_keys: SandboxKeyTable;
  strategies: StrategyTable;
  strategy_tags: StrategyTagTable;
  strategy_credits: StrategyCreditTable;
  strategy_tries: StrategyTryTable;
  audit_events: AuditEventTable;
  tenant_settings: TenantSettingsTable;
  search_words: SearchWordTable;
  search_word_checks: SearchWordCheckTable;
  search_word_counts: SearchWordCountTable;
  pairings: PairingTable;
  device_tokens: DeviceTokenTable;
  deep_link_requests: DeepLinkRequestTable;
  registration_invites: RegistrationInviteTable;
  retired_tool_keys: RetiredToolKeyTable;
  doors: DoorTable;
  visits: VisitTable;
  calendar_feeds: CalendarFeedTable;
  rounds: RoundTable;
  notes: NoteTable;
  notes_retention: NotesRetentionTable;
  picture_visits: PictureVisitTable;
  picture_groups: PictureGroupTable;
  picture_group_hosts: PictureGroupHostTable;
  dialogue_entries: DialogueEntryTable;
  debrief_cards: DebriefCardTable;
  debrief_patterns: DebriefPatternTable;
  round_notices: RoundNoticeTable;
  round_host_choices: RoundHostChoiceTable;
  round_declines: RoundDeclineTable;
  host_notices: HostNoticeTable;
  debrief_skips: DebriefSkipTable;
  round_briefings: RoundBriefingTable;
  round_briefing_acks: RoundBriefingAckTable;
  problems: ProblemTable;
  problem_votes: ProblemVoteTable;
  problem_comments: ProblemCommentTable;
  cycles: CycleTable;
  districts: DistrictTable;
  district_schools: DistrictSchoolTable;
  district_invites: DistrictInviteTable;
  district_rounds: DistrictRoundTable;
  district_seats: DistrictSeatTable;
  lti_platform: LtiPlatformTable;
  lti_platform_status: LtiPlatformStatusTable;
  lti_publickey: LtiKeyTable;
  lti_privatekey: LtiKeyTable;
  lti_accesstoken: LtiAccessTokenTable;
  lti_idtoken: LtiIdTokenTable;
  lti_contexttoken: LtiContextTokenTable;
  lti_nonce: LtiNonceTable;
  lti_state: LtiStateTable;
  lti_launch_nonces: LaunchNonceTable;
  rate_limits: RateLimitTable;
  lti_storage_bindings: StorageBindingTable;
}
