import { describe, expect, it } from 'vitest';
import { gradeSpan, nearestGrade } from '../../../shared/grades';
import { DEFAULT_GRADES, GradeListSchema, schoolEntry } from '../../../shared/settings';

const SINGLE = ['K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

describe('reading a grade as teachers type it', () => {
  it.each([
    ['7', { from: 7, to: 7 }],
    ['7th', { from: 7, to: 7 }],
    ['Grade 7', { from: 7, to: 7 }],
    ['gr7', { from: 7, to: 7 }],
    ['Gr. 7', { from: 7, to: 7 }],
    ['7th grade', { from: 7, to: 7 }],
    ['seventh grade', { from: 7, to: 7 }],
    ['Year 12', { from: 12, to: 12 }],
    ['1st', { from: 1, to: 1 }],
    ['K', { from: 0, to: 0 }],
    ['Kindergarten', { from: 0, to: 0 }],
    ['K-2', { from: 0, to: 2 }],
    ['K–2', { from: 0, to: 2 }],
    ['grades 6 to 8', { from: 6, to: 8 }],
    ['9-12', { from: 9, to: 12 }],
  ])('when "%s" is typed, then it names %o', (typed, span) => {
    expect(gradeSpan(typed)).toEqual(span);
  });

  it.each(['Any', 'Middle school', 'Pre-K', 'Grade 13', '8-6', '', 'grade'])(
    'when "%s" is typed, then it names no grade',
    (typed) => {
      expect(gradeSpan(typed)).toBeUndefined();
    },
  );
});

describe("the nearest entry of a school's grade list", () => {
  it('when the school keeps single grades, then "7th", "Grade 7" and "gr7" are "7"', () => {
    for (const typed of ['7th', 'Grade 7', 'gr7', ' 7 ', 'seventh'])
      expect(nearestGrade(typed, SINGLE)).toBe('7');
    expect(nearestGrade('kindergarten', SINGLE)).toBe('K');
    expect(nearestGrade('k', SINGLE)).toBe('K');
  });

  it('when the school keeps bands, then a grade is read as the narrowest band that holds it', () => {
    expect(nearestGrade('7th', DEFAULT_GRADES)).toBe('6-8');
    expect(nearestGrade('Kindergarten', DEFAULT_GRADES)).toBe('K-2');
    expect(nearestGrade('Grades 9–12', DEFAULT_GRADES)).toBe('9-12');
    expect(nearestGrade('7', ['6-12', '6-8', '7-8'])).toBe('7-8');
    expect(nearestGrade('Grade 7', ['K-5', '7', '6-8'])).toBe('7');
  });

  it('when the text names no grade, then the spelling rule of subjects finds the entry, else nothing', () => {
    expect(nearestGrade('any', DEFAULT_GRADES)).toBe('Any');
    expect(nearestGrade('Middle school', ['Elementary school', 'Middle School'])).toBe('Middle School');
    expect(nearestGrade('Pre-K', DEFAULT_GRADES)).toBeUndefined();
    expect(nearestGrade('4-7', DEFAULT_GRADES)).toBeUndefined();
    expect(nearestGrade('', DEFAULT_GRADES)).toBeUndefined();
  });

  it('when text stands for no entry, then schoolEntry keeps it as typed; subjects and grades each use their rule', () => {
    expect(schoolEntry('grades', 'Pre-K', DEFAULT_GRADES)).toBe('Pre-K');
    expect(schoolEntry('grades', '7th', DEFAULT_GRADES)).toBe('6-8');
    // As a subject, "7th" is no grade: it is kept.
    expect(schoolEntry('subjects', '7th', DEFAULT_GRADES)).toBe('7th');
    expect(schoolEntry('subjects', 'Sci', ['Science', 'Math'])).toBe('Science');
  });

  it('when a coach saves a grade list, then it is trimmed, deduplicated in any case and never empty', () => {
    expect(GradeListSchema.parse([' K ', '1', 'k', '2'])).toEqual(['K', '1', '2']);
    expect(GradeListSchema.safeParse([]).success).toBe(false);
    expect(GradeListSchema.safeParse(['']).success).toBe(false);
    expect(GradeListSchema.safeParse(Array.from({ length: 31 }, (_, i) => `G${i}`)).success).toBe(false);
  });
});
