import { z } from 'zod';

/**
 * Roles in a project, from most to least powerful. Owners manage members and delete; editors change
 * the song and the mix; commenters only write comments and chat; viewers only read.
 */
export const PROJECT_ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export const INVITABLE_ROLES = ['editor', 'commenter', 'viewer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Every project has two Yjs documents; rights are checked per document rather than by inspecting updates. */
export const PROJECT_DOCUMENT_KINDS = ['song', 'comments'] as const;
export type ProjectDocumentKind = (typeof PROJECT_DOCUMENT_KINDS)[number];

/** Whether a role may change a document of this kind. */
export function canWrite(role: ProjectRole, kind: ProjectDocumentKind): boolean {
  if (role === 'owner' || role === 'editor') return true;
  return role === 'commenter' && kind === 'comments';
}

/** The sync room name of a project's document: `<projectId>` for the song, `<projectId>.comments` for comments. */
export function documentName(projectId: string, kind: ProjectDocumentKind): string {
  return kind === 'song' ? projectId : `${projectId}.comments`;
}

export function parseDocumentName(name: string): { projectId: string; kind: ProjectDocumentKind } | undefined {
  const match = /^([A-Za-z0-9_-]{1,64})(?:\.(comments))?$/.exec(name);
  if (!match) return undefined;
  return { projectId: match[1]!, kind: match[2] === 'comments' ? 'comments' : 'song' };
}

export const ProjectTitle = z.string().trim().min(1).max(120);

export const CreateProjectRequest = z.object({ title: ProjectTitle }).strict().meta({ id: 'CreateProjectRequest' });
export const RenameProjectRequest = z.object({ title: ProjectTitle }).strict().meta({ id: 'RenameProjectRequest' });

export const Project = z
  .object({
    id: z.string(),
    title: z.string(),
    ownerId: z.string(),
    role: z.enum(PROJECT_ROLES).meta({ description: "The caller's role in this project." }),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable().meta({ description: 'Set while the project is in the bin (restorable for 30 days).' }),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

export const ProjectList = z.object({ projects: z.array(Project) }).meta({ id: 'ProjectList' });

export const ProjectMember = z
  .object({ userId: z.string(), displayName: z.string(), email: z.string(), role: z.enum(PROJECT_ROLES), addedAt: z.string() })
  .meta({ id: 'ProjectMember' });
export const ProjectMemberList = z.object({ members: z.array(ProjectMember) }).meta({ id: 'ProjectMemberList' });

export const CreateInviteRequest = z
  .object({
    role: z.enum(INVITABLE_ROLES),
    email: z.email().max(254).optional().meta({ description: 'Invite one person by e-mail; omit for a shareable link.' }),
    expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
  })
  .strict()
  .meta({ id: 'CreateInviteRequest' });
export const Invite = z
  .object({
    id: z.string(),
    role: z.enum(INVITABLE_ROLES),
    email: z.string().nullable(),
    expiresAt: z.string(),
    token: z.string().meta({ description: 'Shown once: the secret part of the invite link.' }),
    emailed: z.boolean().meta({ description: 'An invitation e-mail with the link is on its way to `email`.' }),
  })
  .meta({ id: 'Invite' });
export const AcceptInviteRequest = z.object({ token: z.string().min(20).max(100) }).strict().meta({ id: 'AcceptInviteRequest' });

export const ChangeMemberRequest = z.object({ role: z.enum(INVITABLE_ROLES) }).strict().meta({ id: 'ChangeMemberRequest' });

export const TicketRequest = z
  .object({ document: z.enum(PROJECT_DOCUMENT_KINDS).default('song') })
  .strict()
  .meta({ id: 'TicketRequest' });
export const Ticket = z
  .object({
    ticket: z.string().meta({ description: 'Single-use; pass as ?ticket= when opening the sync socket. Expires in seconds.' }),
    document: z.string().meta({ description: 'The room name to connect to: /api/collab/<document>.' }),
    role: z.enum(PROJECT_ROLES),
    expiresIn: z.number().int(),
  })
  .meta({ id: 'Ticket' });

export const CreateVersionRequest = z.object({ name: z.string().trim().min(1).max(120) }).strict().meta({ id: 'CreateVersionRequest' });
export const ProjectVersion = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['named', 'before_restore']).meta({ description: '`before_restore`: saved automatically before restoring the version called `name`.' }),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ProjectVersion' });
export const ProjectVersionList = z.object({ versions: z.array(ProjectVersion) }).meta({ id: 'ProjectVersionList' });
export const ProjectVersionDetail = z
  .object({
    version: ProjectVersion,
    lyrics: z.string(),
    title: z.string(),
    bpm: z.number(),
    state: z.string().meta({ description: 'The full encoded Yjs state (base64), to open the version read-only.' }),
  })
  .meta({ id: 'ProjectVersionDetail' });
export const LyricsComparison = z
  .object({
    from: z.string(),
    to: z.string(),
    changes: z.array(
      z.object({ kind: z.enum(['same', 'added', 'removed']), line: z.string(), oldIndex: z.number().int().optional(), newIndex: z.number().int().optional() }),
    ),
  })
  .meta({ id: 'LyricsComparison' });

/** `POST /api/licences/{id}/start-song`: the project made from a licence (or the one made before). */
export const StartSongResponse = z
  .object({
    project: Project,
    /** False when this licence had already started a song: that project is returned. */
    created: z.boolean(),
    /** The beat's track in the song's mix. */
    trackId: z.string(),
  })
  .meta({ id: 'StartSongResponse' });
export type StartSongResponse = z.infer<typeof StartSongResponse>;
