import type { z } from 'zod';
import {
  Invite,
  LyricsComparison,
  Project,
  ProjectList,
  ProjectMemberList,
  ProjectVersion,
  ProjectVersionDetail,
  ProjectVersionList,
  StartSongResponse,
  Ticket,
  type InvitableRole,
  type ProjectDocumentKind,
} from '../../../shared/schemas/projects.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { ApiError } from '../../api/api-error.ts';

/** Typed calls to /api/projects/*; every call is authenticated (the client refreshes once on a 401). */
export class ProjectsApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  async list(options: { bin?: boolean } = {}): Promise<Project[]> {
    const path = options.bin ? '/api/projects?bin=true' : '/api/projects';
    return (await this.#client.request({ method: 'GET', path, authenticated: true, schema: ProjectList })).projects;
  }

  get(id: string): Promise<Project> {
    return this.#client.request({ method: 'GET', path: `/api/projects/${encodeURIComponent(id)}`, authenticated: true, schema: Project });
  }

  create(title: string): Promise<Project> {
    return this.#client.request({ method: 'POST', path: '/api/projects', body: { title }, authenticated: true, schema: Project });
  }

  /** Turns a licence into a project whose song starts with the beat (the same project every time). */
  startSong(licenceId: string): Promise<StartSongResponse> {
    return this.#client.request({ method: 'POST', path: `/api/licences/${encodeURIComponent(licenceId)}/start-song`, authenticated: true, schema: StartSongResponse });
  }

  rename(id: string, title: string): Promise<Project> {
    return this.#client.request({ method: 'PUT', path: `/api/projects/${encodeURIComponent(id)}`, body: { title }, authenticated: true, schema: Project });
  }

  async moveToBin(id: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/projects/${encodeURIComponent(id)}`, authenticated: true });
  }

  async restore(id: string): Promise<void> {
    await this.#client.request({ method: 'POST', path: `/api/projects/${encodeURIComponent(id)}/restore`, authenticated: true });
  }

  async members(id: string): Promise<Member[]> {
    return (await this.#client.request({ method: 'GET', path: `/api/projects/${encodeURIComponent(id)}/members`, authenticated: true, schema: ProjectMemberList })).members;
  }

  async changeRole(id: string, userId: string, role: InvitableRole): Promise<void> {
    await this.#client.request({
      method: 'PUT',
      path: `/api/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
      body: { role },
      authenticated: true,
    });
  }

  async removeMember(id: string, userId: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, authenticated: true });
  }

  invite(id: string, request: { role: InvitableRole; email?: string; expiresInHours: number }): Promise<InviteResult> {
    return this.#client.request({ method: 'POST', path: `/api/projects/${encodeURIComponent(id)}/invites`, body: request, authenticated: true, schema: Invite });
  }

  /** Joins the project; resolves with it (the caller's role included). */
  acceptInvite(token: string): Promise<Project> {
    return this.#client.request({ method: 'POST', path: '/api/projects/invites/accept', body: { token }, authenticated: true, schema: Project });
  }

  ticket(id: string, document: ProjectDocumentKind): Promise<TicketResult> {
    return this.#client.request({ method: 'POST', path: `/api/projects/${encodeURIComponent(id)}/ticket`, body: { document }, authenticated: true, schema: Ticket });
  }

  async versions(id: string): Promise<VersionSummary[]> {
    return (await this.#client.request({ method: 'GET', path: `/api/projects/${encodeURIComponent(id)}/versions`, authenticated: true, schema: ProjectVersionList })).versions;
  }

  createVersion(id: string, name: string): Promise<VersionSummary> {
    return this.#client.request({ method: 'POST', path: `/api/projects/${encodeURIComponent(id)}/versions`, body: { name }, authenticated: true, schema: ProjectVersion });
  }

  version(id: string, versionId: string): Promise<VersionDetail> {
    return this.#client.request({
      method: 'GET',
      path: `/api/projects/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}`,
      authenticated: true,
      schema: ProjectVersionDetail,
    });
  }

  compare(id: string, versionId: string): Promise<Comparison> {
    return this.#client.request({
      method: 'GET',
      path: `/api/projects/${encodeURIComponent(id)}/versions/compare?from=${encodeURIComponent(versionId)}&to=current`,
      authenticated: true,
      schema: LyricsComparison,
    });
  }

  async restoreVersion(id: string, versionId: string): Promise<void> {
    await this.#client.request({
      method: 'POST',
      path: `/api/projects/${encodeURIComponent(id)}/versions/${encodeURIComponent(versionId)}/restore`,
      authenticated: true,
    });
  }
}

/** A ticket request that failed for good (no access, project gone): the sync provider stops retrying. */
export function isPermanentTicketFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404);
}

export type InviteResult = z.infer<typeof Invite>;
export type TicketResult = z.infer<typeof Ticket>;
export type VersionSummary = z.infer<typeof ProjectVersion>;
export type VersionDetail = z.infer<typeof ProjectVersionDetail>;
export type Comparison = z.infer<typeof LyricsComparison>;
export type Member = z.infer<typeof ProjectMemberList>['members'][number];
