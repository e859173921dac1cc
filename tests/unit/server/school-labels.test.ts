import { describe, expect, it } from 'vitest';
import { schoolLabels } from '../../../lti-server/src/domain/districts';
import { ValidationError } from '../../../shared/errors';
import { SchoolNameInputSchema } from '../../../shared/settings';

describe('school labels on the district page', () => {
  it('when schools share a name, then the second and later get " (2)", " (3)" in the order given; others stay', () => {
    const labels = schoolLabels([
      { tenantId: 'a', name: 'Sandbox LMS' },
      { tenantId: 'b', name: 'Sandbox LMS' },
      { tenantId: 'c', name: 'Cedar Hill' },
      { tenantId: 'd', name: 'Sandbox LMS' },
    ]);
    expect([...labels]).toEqual([
      ['a', 'Sandbox LMS'],
      ['b', 'Sandbox LMS (2)'],
      ['c', 'Cedar Hill'],
      ['d', 'Sandbox LMS (3)'],
    ]);
  });

  it('when a school is already named like a numbered label, then no two labels read the same', () => {
    const labels = schoolLabels([
      { tenantId: 'a', name: 'Sandbox LMS (2)' },
      { tenantId: 'b', name: 'Sandbox LMS' },
      { tenantId: 'c', name: 'Sandbox LMS' },
    ]);
    expect(new Set(labels.values()).size).toBe(3);
    expect(labels.get('c')).toBe('Sandbox LMS (3)');
  });
});

describe('the school name a coach sets', () => {
  it('when it is typed, then it is trimmed, empty clears it, and one letter or 81 characters are refused', () => {
    expect(SchoolNameInputSchema.parse({ schoolName: '  Maple Grove  ' })).toEqual({
      schoolName: 'Maple Grove',
    });
    expect(SchoolNameInputSchema.parse({ schoolName: '   ' })).toEqual({ schoolName: '' });
    expect(SchoolNameInputSchema.safeParse({ schoolName: 'x'.repeat(80) }).success).toBe(true);
    const tooLong = SchoolNameInputSchema.safeParse({ schoolName: 'x'.repeat(81) }).error!;
    expect(tooLong.issues[0]?.message).toBe('errors.field.settings.school-name-long');
    expect(ValidationError.fromZod('errors.source.school-name', tooLong).fields?.[0]?.message).toBe(
      'Keep the school’s name to 80 characters',
    );
    expect(SchoolNameInputSchema.safeParse({ schoolName: 'X' }).success).toBe(false);
    expect(SchoolNameInputSchema.safeParse({}).success).toBe(false);
  });
});
