import { describe, expect, it } from 'vitest';
import { mapRoles, normaliseRole } from '../../../shared/lti';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';

describe('normaliseRole', () => {
  it.each([
    [`${LIS}/membership#Instructor`, 'membership#Instructor'],
    [`${LIS}/membership/Instructor#TeachingAssistant`, 'membership#TeachingAssistant'],
    [`${LIS}/institution/person#Administrator`, 'institution#Administrator'],
    [`${LIS}/system/person#SysAdmin`, 'system#SysAdmin'],
    ['Instructor', 'membership#Instructor'],
    ['TeacherEnrollment', 'membership#Instructor'],
    ['TaEnrollment', 'membership#TeachingAssistant'],
    ['DesignerEnrollment', 'membership#ContentDeveloper'],
    ['StudentEnrollment', 'membership#Learner'],
  ])('when given %s, then it reads %s', (input, expected) => {
    expect(normaliseRole(input)).toBe(expected);
  });
});

describe('mapRoles', () => {
  it('when someone is an Instructor, then they are a teacher', () => {
    expect(mapRoles([`${LIS}/membership#Instructor`])).toBe('teacher');
  });

  it('when an Instructor is also an institution Administrator, then they are a coach', () => {
    expect(mapRoles([`${LIS}/membership#Instructor`, `${LIS}/institution/person#Administrator`])).toBe(
      'coach',
    );
  });

  it('when a course designer launches, then they are a coach by default', () => {
    expect(mapRoles([`${LIS}/membership#ContentDeveloper`])).toBe('coach');
  });

  it('when the coach roles are configured differently, then the configuration decides', () => {
    expect(mapRoles([`${LIS}/membership#ContentDeveloper`], ['institution#Administrator'])).toBe('refused');
  });

  it('when a Learner or a test student launches, then they are refused', () => {
    expect(mapRoles([`${LIS}/membership#Learner`])).toBe('refused');
    expect(
      mapRoles([`${LIS}/membership#Learner`, 'http://purl.imsglobal.org/vocab/lti/system/person#TestUser']),
    ).toBe('refused');
  });

  it('when there are no roles, then they are refused', () => {
    expect(mapRoles([])).toBe('refused');
  });
});
