import { useEffect, useState } from 'preact/hooks';
import { EMPTY_SCHOOL_DAY, type SchoolDay } from '../../../../shared/school-day';
import { getSchoolDay } from '../api';

/**
 * The school's time zone and bell schedule for the door and round forms; null while loading. When it cannot be
 * read the forms work as before (free times, the viewer's zone), so a failure here is not shown.
 */
export function useSchoolDay(token: string): SchoolDay | null {
  const [schoolDay, setSchoolDay] = useState<SchoolDay | null>(null);
  useEffect(() => {
    getSchoolDay(token).then((r) => setSchoolDay(r.ok ? r.data : EMPTY_SCHOOL_DAY));
  }, [token]);
  return schoolDay;
}
