import { createRoute, z } from '@hono/zod-openapi';
import {
  AcceptInviteRequest,
  ChangeMemberRequest,
  CreateInviteRequest,
  CreateProjectRequest,
  Invite,
  Project,
  ProjectList,
  ProjectMemberList,
  RenameProjectRequest,
  Ticket,
  TicketRequest,
  documentName,
} from '../../../shared/schemas/projects.ts';
import { linkOriginOf } from '../../http/link-origin.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import type { TicketIssuer } from '../../collab/tickets.ts';
import { TICKET_TTL_SECONDS } from '../../collab/tickets.ts';
import type { AuthService } from '../auth/service.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { ProjectsService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const ProjectParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const MemberParams = ProjectParams.extend({ userId: z.string().min(1).max(64) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });

const routes = {
  create: createRoute({
    method: 'post', path: '/', tags: ['projects'], summary: 'Create a project', security: bearer,
    request: body(CreateProjectRequest),
    responses: { 201: { description: 'Created', ...json(Project) }, ...errorResponses(401, 413, 415, 422) },
  }),
  list: createRoute({
    method: 'get', path: '/', tags: ['projects'], summary: "The caller's projects (or, with ?bin=true, deleted ones still restorable)", security: bearer,
    request: { query: z.object({ bin: z.enum(['true', 'false']).default('false') }) },
    responses: { 200: { description: 'Projects', ...json(ProjectList) }, ...errorResponses(401) },
  }),
  get: createRoute({
    method: 'get', path: '/{id}', tags: ['projects'], summary: 'One project', security: bearer,
    request: { params: ProjectParams },
    responses: { 200: { description: 'Project', ...json(Project) }, ...errorResponses(401, 404) },
  }),
  rename: createRoute({
    method: 'put', path: '/{id}', tags: ['projects'], summary: 'Rename a project (owner or editor)', security: bearer,
    request: { params: ProjectParams, ...body(RenameProjectRequest) },
    responses: { 200: { description: 'Renamed', ...json(Project) }, ...errorResponses(401, 403, 404, 422) },
  }),
  remove: createRoute({
    method: 'delete', path: '/{id}', tags: ['projects'], summary: 'Move a project to the bin (owner); restorable for 30 days', security: bearer,
    request: { params: ProjectParams },
    responses: { 200: { description: 'Deleted', ...json(Project) }, ...errorResponses(401, 403, 404) },
  }),
  restore: createRoute({
    method: 'post', path: '/{id}/restore', tags: ['projects'], summary: 'Restore a project from the bin (owner)', security: bearer,
    request: { params: ProjectParams },
    responses: { 200: { description: 'Restored', ...json(Project) }, ...errorResponses(401, 403, 404) },
  }),
  members: createRoute({
    method: 'get', path: '/{id}/members', tags: ['projects'], summary: 'Members and their roles', security: bearer,
    request: { params: ProjectParams },
    responses: { 200: { description: 'Members', ...json(ProjectMemberList) }, ...errorResponses(401, 404) },
  }),
  invite: createRoute({
    method: 'post', path: '/{id}/invites', tags: ['projects'], summary: 'Invite by e-mail or create an expiring link (owner)', security: bearer,
    request: { params: ProjectParams, ...body(CreateInviteRequest) },
    responses: { 201: { description: 'Invite; its token is shown only now', ...json(Invite) }, ...errorResponses(401, 403, 404, 422) },
  }),
  accept: createRoute({
    method: 'post', path: '/invites/accept', tags: ['projects'], summary: 'Join a project with an invite token', security: bearer,
    request: body(AcceptInviteRequest),
    responses: { 200: { description: 'Joined', ...json(Project) }, ...errorResponses(401, 403, 404, 422) },
  }),
  changeMember: createRoute({
    method: 'put', path: '/{id}/members/{userId}', tags: ['projects'], summary: "Change a member's role (owner); their sockets reconnect with the new rights", security: bearer,
    request: { params: MemberParams, ...body(ChangeMemberRequest) },
    responses: { 204: { description: 'Changed' }, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  removeMember: createRoute({
    method: 'delete', path: '/{id}/members/{userId}', tags: ['projects'], summary: 'Remove a member (owner) or leave; their sockets close at once', security: bearer,
    request: { params: MemberParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
  }),
  ticket: createRoute({
    method: 'post', path: '/{id}/ticket', tags: ['projects'], summary: 'A single-use, 30-second ticket to open the sync socket for one document', security: bearer,
    request: { params: ProjectParams, body: { required: false, ...json(TicketRequest) } },
    responses: { 200: { description: 'Ticket', ...json(Ticket) }, ...errorResponses(401, 404) },
  }),
};

export function projectRoutes(deps: { auth: AuthService; projects: ProjectsService; tickets: TicketIssuer; publicOrigin: string | undefined }) {
  const { projects, tickets } = deps;
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;

  router.openapi(routes.create, async (c) => c.json(await projects.create(me(c), c.req.valid('json').title), 201));
  router.openapi(routes.list, async (c) => c.json({ projects: await projects.list(me(c), c.req.valid('query').bin === 'true') }, 200));
  router.openapi(routes.accept, async (c) => c.json(await projects.acceptInvite(me(c), c.req.valid('json').token), 200));
  router.openapi(routes.get, async (c) => c.json(await projects.get(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.rename, async (c) => c.json(await projects.rename(me(c), c.req.valid('param').id, c.req.valid('json').title), 200));
  router.openapi(routes.remove, async (c) => c.json(await projects.remove(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.restore, async (c) => c.json(await projects.restore(me(c), c.req.valid('param').id), 200));
  router.openapi(routes.members, async (c) => c.json({ members: await projects.members(me(c), c.req.valid('param').id) }, 200));
  router.openapi(routes.invite, async (c) =>
    c.json(await projects.invite(me(c), c.req.valid('param').id, c.req.valid('json'), linkOriginOf(c.req.url, deps.publicOrigin)), 201),
  );
  router.openapi(routes.changeMember, async (c) => {
    const { id, userId } = c.req.valid('param');
    await projects.changeMember(me(c), id, userId, c.req.valid('json').role);
    return c.body(null, 204);
  });
  router.openapi(routes.removeMember, async (c) => {
    const { id, userId } = c.req.valid('param');
    await projects.removeMember(me(c), id, userId);
    return c.body(null, 204);
  });
  router.openapi(routes.ticket, async (c) => {
    const { id } = c.req.valid('param');
    const { role } = await projects.membership(me(c), id);
    const kind = c.req.valid('json')?.document ?? 'song';
    const document = documentName(id, kind);
    c.header('Cache-Control', 'no-store');
    return c.json({ ticket: await tickets.issue(me(c), document), document, role, expiresIn: TICKET_TTL_SECONDS }, 200);
  });
  return router;
}
