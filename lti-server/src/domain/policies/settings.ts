import { coachesOnly, type Policy } from './policy';

export const settingsPolicy = {
  read: [coachesOnly('Only coaches see the settings.')],
  update: [coachesOnly('Only coaches change the settings.')],
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
    coachesOnly('Only coaches see the LMS registration.'),
    { allows: (_actor, r) => r?.registered ?? false, message: 'Your school is not registered.' },
  ],
} satisfies Policy<RegistrationRecord>;
