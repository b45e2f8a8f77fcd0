import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLicenceTerms } from '../../../shared/project/licence-terms.ts';
import { readMeta, readMix } from '../../../shared/project/project-document.ts';
import { documentName } from '../../../shared/schemas/projects.ts';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('start a song with a licensed beat (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  /** A beat bought in test mode: producer, buyer and the licence id. */
  async function bought(tier = 'premium', title = 'Night Shift') {
    const sale = await publishedBeat(t.app, { price: 20, title });
    const buyer = await signUp(t.app, { displayName: 'Rae' });
    const order = await call(t.app, 'POST', `/api/beats/${sale.beatId}/purchase`, { token: buyer.accessToken, body: { tier } });
    expect(order.status, order.text).toBe(201);
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token: buyer.accessToken, body: { outcome: 'succeed' } });
    expect(paid.json.status).toBe('paid');
    return { ...sale, buyer, licenceId: paid.json.items[0].licenceId as string };
  }

  async function song(projectId: string) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await t.sync.currentState(documentName(projectId, 'song')));
    return doc;
  }

  it('creates the buyer’s project, titled after the beat, with the beat as the first track and the terms', async () => {
    const { buyer, licenceId, beatId } = await bought('premium', 'Harbour Lights');
    const started = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: buyer.accessToken });
    expect(started.status, started.text).toBe(201);
    expect(started.json).toMatchObject({ created: true, project: { title: 'Harbour Lights', ownerId: buyer.userId, role: 'owner', deletedAt: null } });
    const projectId = started.json.project.id as string;
    expect((await call(t.app, 'GET', '/api/projects', { token: buyer.accessToken })).json.projects.map((project: { id: string }) => project.id)).toContain(projectId);

    const doc = await song(projectId);
    expect(readMeta(doc)).toMatchObject({ title: 'Harbour Lights', beatId });
    const tracks = Object.values(readMix(doc).mix.tracks);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ id: started.json.trackId, name: 'Harbour Lights', sourceKind: 'licensed-beat', sourceLicenceId: licenceId, sourceBeatId: beatId });
    const terms = readLicenceTerms(doc);
    expect(terms).toMatchObject({ licenceId, beatId, beatTitle: 'Harbour Lights', tier: 'premium', files: ['mp3', 'wav'], contractUrl: `/api/licences/${licenceId}/contract.pdf` });
    // The copy matches what the licence says.
    const licence = (await call(t.app, 'GET', '/api/licences', { token: buyer.accessToken })).json.licences.find((row: { id: string }) => row.id === licenceId);
    expect(terms?.caps).toEqual(licence.caps);
    expect((await call(t.app, 'GET', terms!.contractUrl, { token: buyer.accessToken })).status).toBe(200);
  });

  it('returns the same project the second time (200), and once when two requests race', async () => {
    const { buyer, licenceId } = await bought('basic');
    const [one, two] = await Promise.all([
      call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: buyer.accessToken }),
      call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: buyer.accessToken }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 201]);
    expect(one.json.project.id).toBe(two.json.project.id);
    const again = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: buyer.accessToken });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, project: { id: one.json.project.id } });
    expect(Object.keys(readMix(await song(one.json.project.id)).mix.tracks)).toEqual([one.json.trackId]);
    const projects = (await call(t.app, 'GET', '/api/projects', { token: buyer.accessToken })).json.projects;
    expect(projects.filter((project: { id: string }) => project.id === one.json.project.id)).toHaveLength(1);

    // From the bin, it comes back rather than failing.
    await call(t.app, 'DELETE', `/api/projects/${one.json.project.id}`, { token: buyer.accessToken });
    const restored = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: buyer.accessToken });
    expect(restored.status).toBe(200);
    expect(restored.json.project.deletedAt).toBeNull();
  });

  it('lets only the buyer do it: the producer gets 403, anyone else 404, nobody signed in 401', async () => {
    const { buyer, producer, licenceId } = await bought('basic');
    const stranger = await signUp(t.app);
    const fromProducer = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: producer.accessToken });
    expect(fromProducer.status).toBe(403);
    expect(fromProducer.json.error.code).toBe('licence_not_buyer');
    const fromStranger = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: stranger.accessToken });
    expect(fromStranger.status).toBe(404);
    expect(fromStranger.json.error.code).toBe('licence_not_found');
    expect((await call(t.app, 'POST', '/api/licences/no-such-licence/start-song', { token: buyer.accessToken })).json.error.code).toBe('licence_not_found');
    expect((await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`)).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/licences/bad%20id/start-song', { token: buyer.accessToken })).status).toBe(422);
    // Nobody else got a project out of it.
    expect((await call(t.app, 'GET', '/api/projects', { token: producer.accessToken })).json.projects).toEqual([]);
    expect((await call(t.app, 'GET', '/api/projects', { token: stranger.accessToken })).json.projects).toEqual([]);
    // The message is in the caller's language.
    const inSpanish = await call(t.app, 'POST', `/api/licences/${licenceId}/start-song`, { token: producer.accessToken, headers: { 'accept-language': 'es' } });
    expect(inSpanish.json.error.message).toBe('Solo quien compró esta licencia puede empezar una canción con ella.');
  });

  it('is in the OpenAPI document', async () => {
    const document = (await call(t.app, 'GET', '/api/openapi.json')).json;
    expect(Object.keys(document.paths['/api/licences/{id}/start-song'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '401', '403', '404']));
  });
});
