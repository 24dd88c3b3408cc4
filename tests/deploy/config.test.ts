import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDeployConfig } from '../../src/deploy/config';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deploy-config-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const pkg = (fields: object = {}) =>
  writeFile(
    join(root, 'package.json'),
    JSON.stringify({
      name: 'from-package',
      dependencies: { '@twilio/runtime-handler': '2.1.0', twilio: '6.2.0' },
      ...fields,
    }),
  );
const rc = (text: string) => writeFile(join(root, '.twilioserverlessrc'), text);
const wheres = (problems: readonly { where: string }[]) => problems.map((p) => p.where);

describe('readDeployConfig', () => {
  it("reads this repository's kind of rc: JSON5 with // comments, folders and runtime", async () => {
    await pkg();
    await rc(`// comment with a URL: https://example.com/x
{
  "functionsFolder": "dist/functions", // trailing comment
  assetsFolder: 'dist/assets',
  "runtime": "node22",
}`);
    const { config, problems } = await readDeployConfig(root);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      root,
      serviceName: 'from-package',
      environment: 'dev',
      runtime: 'node22',
      functionsFolder: 'dist/functions',
      assetsFolder: 'dist/assets',
      pkgJson: { name: 'from-package', dependencies: { '@twilio/runtime-handler': '2.1.0', twilio: '6.2.0' } },
    });
  });

  it(
    'takes serviceName and environment from the rc over ' + 'package.json and the default, and the flag over both',
    async () => {
      await pkg();
      await rc('{ serviceName: "from-rc", environment: "stage" }');
      expect((await readDeployConfig(root)).config).toMatchObject({ serviceName: 'from-rc', environment: 'stage' });
      expect((await readDeployConfig(root, { environment: 'qa' })).config).toMatchObject({ environment: 'qa' });
    },
  );

  it('defaults like the Toolkit when there is no rc: dev, node22, dist folders', async () => {
    await pkg();
    const { config } = await readDeployConfig(root);
    expect(config).toMatchObject({
      environment: 'dev',
      runtime: 'node22',
      functionsFolder: 'dist/functions',
      assetsFolder: 'dist/assets',
    });
  });

  it('reports every problem at once and gives no configuration', async () => {
    await pkg({ name: '@scope/pkg', dependencies: { '@twilio/runtime-handler': '^2.1.0' } });
    await rc('{ runtime: "node18" }');
    const { config, problems } = await readDeployConfig(root, { environment: 'has space' });
    expect(config).toBeUndefined();
    expect(wheres(problems)).toEqual(
      expect.arrayContaining([
        'serviceName',
        '--environment',
        '.twilioserverlessrc runtime',
        'package.json dependencies.@twilio/runtime-handler',
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.where === '.twilioserverlessrc runtime')?.message).toMatch(/node22/);
  });

  it('refuses any dependency that is not an exact version, naming it and how to pin it', async () => {
    await pkg({
      dependencies: { '@twilio/runtime-handler': '2.1.0', twilio: '^6.2.0', 'libphonenumber-js': '~1.13.16' },
    });
    const { config, problems } = await readDeployConfig(root);
    expect(config).toBeUndefined();
    expect(wheres(problems)).toEqual([
      'package.json dependencies.twilio',
      'package.json dependencies.libphonenumber-js',
    ]);
    expect(problems[0].message).toMatch(/^is "\^6\.2\.0": .*pin that exact version \(npm ls twilio shows it\)/);
  });

  it('refuses an rc it cannot parse, and a domain suffix over 16 characters', async () => {
    await pkg();
    await rc('{ "runtime": "node22" ');
    expect(wheres((await readDeployConfig(root)).problems)).toEqual(['.twilioserverlessrc']);
    await rc('{}');
    expect(wheres((await readDeployConfig(root, { environment: 'a'.repeat(17) })).problems)).toEqual(['--environment']);
  });

  it('needs a name from somewhere', async () => {
    await writeFile(join(root, 'package.json'), '{}');
    const { problems } = await readDeployConfig(root);
    expect(problems.map((p) => p.message).join()).toMatch(/serviceName/);
  });
});
