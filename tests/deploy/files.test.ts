import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDeployConfig } from '../../src/deploy/config';
import { listUploads } from '../../src/deploy/files';
import { buildOnce, type TempProject } from '../helpers/project';

let project: TempProject;
beforeAll(async () => {
  project = await buildOnce();
  await mkdir(join(project.dir, 'dist', 'assets'), { recursive: true });
  await writeFile(join(project.dir, 'dist', 'assets', 'routing.private.json'), '{}');
  await writeFile(join(project.dir, 'dist', 'assets', 'page.html'), '<p>hi</p>');
});
afterAll(() => project.remove());

describe('listUploads', () => {
  it('lists the built functions and assets with the paths and visibility they deploy with', async () => {
    const { config } = await readDeployConfig(project.dir);
    if (config === undefined) throw new Error('config');
    expect(await listUploads(config)).toEqual({
      functions: ['/auto-reply', '/forward', '/ignore', '/sms'].map((path) => ({ path, access: 'protected' })),
      assets: [
        { path: '/page.html', access: 'public' },
        { path: '/routing.json', access: 'private' },
      ],
    });
  });

  it('finds nothing in a folder that does not exist (the caller refuses that)', async () => {
    const { config } = await readDeployConfig(project.dir);
    if (config === undefined) throw new Error('config');
    expect(await listUploads({ ...config, functionsFolder: 'nowhere', assetsFolder: 'nowhere' })).toEqual({
      functions: [],
      assets: [],
    });
  });
});
