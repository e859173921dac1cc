import { coachesOnly, type Policy } from './policy';

/**
 * District networks across schools are for the schools' coaches and leaders: they start a district, invite and accept
 * schools, open a round to it, take a seat in another school's round and read the district page. Who sees which
 * district, round or seat at all (404 outside it) is decided in domain/districts.ts from the school's membership.
 */
export const districtPolicy = {
  'take-part': [coachesOnly('errors.policy.district')],
} satisfies Policy<never>;
