import { coachesOnly, type Policy } from './policy';

export const settingsPolicy = {
  read: [coachesOnly('errors.policy.settings-read')],
  update: [coachesOnly('errors.policy.settings-update')],
} satisfies Policy<never>;

/** The school's own LMS registration, as the tool recorded it. */
export interface RegistrationRecord {
  kind: 'registration';
  registered: boolean;
}

export const registration = (registered: boolean): RegistrationRecord => ({
  kind: 'registration',
  registered,
});

export const registrationPolicy = {
  read: [
    coachesOnly('errors.policy.registration-read'),
    { allows: (_actor, r) => r?.registered ?? false, message: 'errors.policy.not-registered' },
  ],
} satisfies Policy<RegistrationRecord>;
