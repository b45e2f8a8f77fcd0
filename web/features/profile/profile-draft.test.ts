import { describe, expect, it } from 'vitest';
import { UpdateProfileRequest, type User } from '../../../shared/schemas/auth.ts';
import { profileDraft, profileUpdate } from './profile-draft.ts';

const user: User = {
  id: 'u1',
  email: 'ada@example.com',
  displayName: 'Ada',
  bio: 'Beats',
  locale: 'es',
  avatarUrl: null,
  roles: ['artist'],
  createdAt: '2026-01-02T03:04:05.000Z',
};

describe('profile draft', () => {
  it('round-trips a user into a valid update request', () => {
    const request = profileUpdate(profileDraft(user));
    expect(request).toEqual({ displayName: 'Ada', bio: 'Beats', avatarUrl: null, roles: ['artist'], locale: 'es' });
    expect(UpdateProfileRequest.safeParse(request).success).toBe(true);
  });

  it('sends an emptied avatar field as null (remove) and trims a pasted URL', () => {
    expect(profileUpdate({ ...profileDraft(user), avatarUrl: '   ' }).avatarUrl).toBeNull();
    expect(profileUpdate({ ...profileDraft(user), avatarUrl: ' https://cdn.example/a.png ' }).avatarUrl).toBe('https://cdn.example/a.png');
  });

  it('copies roles so editing the draft never mutates the user', () => {
    const draft = profileDraft(user);
    draft.roles.push('producer');
    expect(user.roles).toEqual(['artist']);
  });
});
