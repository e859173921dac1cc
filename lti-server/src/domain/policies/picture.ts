import { PICTURE_MIN_HOSTS, PICTURE_MIN_VISITS } from '../../../../shared/notes';
import { coachesOnly, type Policy, type Rule } from './policy';

/** One group of the school-wide picture (the whole school, a strategy, a tag): how much evidence it spans. */
export interface PictureGroupRecord {
  kind: 'picture';
  visits: number;
  classrooms: number;
}

export const pictureGroup = (visits: number, classrooms: number): PictureGroupRecord => ({
  kind: 'picture',
  visits,
  classrooms,
});

const wideEnough: Rule<PictureGroupRecord> = {
  allows: (_actor, g) => !g || (g.visits >= PICTURE_MIN_VISITS && g.classrooms >= PICTURE_MIN_HOSTS),
  message: {
    key: 'errors.policy.picture-wide',
    params: { visits: PICTURE_MIN_VISITS, rooms: PICTURE_MIN_HOSTS },
  },
};

/**
 * Coaches see the picture, and of it only groups too wide to trace back to one teacher: no per-teacher axis. The
 * picture of finished rounds is the school's: every teacher sees it, with the same thresholds.
 */
export const picturePolicy = {
  read: [coachesOnly('errors.policy.picture'), wideEnough],
  'read-finished': [wideEnough],
} satisfies Policy<PictureGroupRecord>;
