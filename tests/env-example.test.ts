// .env.example is the configuration reference Twilio's tools read (configure-env format): it must
// describe every variable the code reads, and nothing else. "Read by the code" is found by scanning
// src/ and functions/, so a new reader anywhere is caught without anyone updating a list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import ts from 'typescript';
import { loadConfig } from '../src/config/load';
import { parseEnvExample } from './helpers/configure-env';

const ROOT = join(__dirname, '..');
const EXAMPLE = readFileSync(join(ROOT, '.env.example'), 'utf8');

/**
 * Read by the code but deliberately not in .env.example. Each is named in its header comment instead.
 * Add a name here only if putting it in `.env` would be wrong, and say why.
 */
const SHELL_ONLY: Readonly<Record<string, string>> = {
  TWILIO_ACCOUNT_SID: 'credential of the commands; in .env the ordinary Toolkit deploy would upload it',
  TWILIO_AUTH_TOKEN: 'credential of the commands; in .env the ordinary Toolkit deploy would upload it',
  TWILIO_API_KEY: 'credential of the commands; in .env the ordinary Toolkit deploy would upload it',
  TWILIO_API_SECRET: 'credential of the commands; in .env the ordinary Toolkit deploy would upload it',
  PORT: 'read by npm start and npm run sms from the shell only; a deployed function has no port',
  DEBUG: 'makes the commands print stack traces; nothing deployed reads it',
  TWILIO_REGION: "the Twilio CLI's region, which keys the Toolkit's .twiliodeployinfo; nothing deployed reads it",
  TWILIO_API_BASE_URL: 'test hook of npm run numbers; deployed it would mean nothing',
  TWILIO_SERVERLESS_BASE_URL: 'test hook of npm run deploy; deployed it would mean nothing',
  SWITCHBOARD_LOCAL_MEMORY:
    'set by npm start and npm run dev for the local functions; in .env it would deploy, ' +
    'and the deployed functions would forget instead of using Sync',
  SWITCHBOARD_PRINT_DELIVERIES:
    'set by npm start and npm run dev so the local functions print email and Slack deliveries; ' +
    'in .env it would deploy, and the deployed functions would never deliver',
  HOST: 'the address npm start and npm run dev listen on, read from the shell; a deployed function has none',
};

/** Set by the Functions runtime itself: never configured. */
const RUNTIME_PROVIDED = new Set(['DOMAIN_NAME', 'PATH', 'SERVICE_SID', 'ENVIRONMENT_SID']);

/** An expression that holds environment variables: env, process.env, world.env, dotenv, context... */
const HOLDER = /(?:^|\.)(?:env|dotenv|environment|context|\w+Env)$/;
const NAME = /^[A-Z][A-Z0-9_]*$/;
/** A string literal that is nothing but a variable-shaped name with an underscore: FORWARD_TO, not STOP. */
const NAME_LITERAL = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * The variable names a source file reads: `holder.NAME`, `holder['NAME']`, `const { NAME } = holder`,
 * `f(holder, 'NAME')`, and any string literal that is a whole underscored name (names kept in lists
 * or constants and read through `env[name]`), except in comparisons and `case` labels.
 */
function readsIn(fileName: string, text: string): string[] {
  const found = new Set<string>();
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const isHolder = (node: ts.Node): boolean => HOLDER.test(node.getText(file));
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && NAME.test(node.name.text) && isHolder(node.expression))
      found.add(node.name.text);
    if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      isHolder(node.expression)
    ) {
      if (NAME.test(node.argumentExpression.text)) found.add(node.argumentExpression.text);
    }
    if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      isHolder(node.initializer)
    ) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(key) && NAME.test(key.text)) found.add(key.text);
      }
    }
    if (ts.isCallExpression(node) && node.arguments.some(isHolder)) {
      for (const arg of node.arguments) if (ts.isStringLiteralLike(arg) && NAME.test(arg.text)) found.add(arg.text);
    }
    if (ts.isStringLiteralLike(node) && NAME_LITERAL.test(node.text)) {
      const parent = node.parent;
      const compared = ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken;
      if (!compared && !ts.isCaseClause(parent)) found.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return [...found];
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Each name the code reads, with the files that read it. */
function readByTheCode(): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const path of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'functions'))]) {
    for (const name of readsIn(path, readFileSync(path, 'utf8'))) {
      reads.set(name, [...(reads.get(name) ?? []), relative(ROOT, path)]);
    }
  }
  for (const name of RUNTIME_PROVIDED) reads.delete(name);
  return reads;
}

const parsed = parseEnvExample(EXAMPLE);
const described = new Map(parsed.declarations.map((d) => [d.key, d]));
const reads = readByTheCode();
/** The comment lines of .env.example, where shell-only variables are named. */
const comments = EXAMPLE.split('\n')
  .filter((line) => line.trim().startsWith('#'))
  .join('\n');

describe('.env.example', () => {
  test('is a configure-env file that the tool reads without dropping or rejecting anything', () => {
    expect(parsed.problems).toEqual([]);
    const keys = parsed.declarations.map((d) => d.key);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  test('gives every variable a one-line description, a format and required, written out', () => {
    const missing = parsed.declarations.flatMap((d) =>
      (['description', 'format', 'required'] as const)
        .filter((a) => !d.annotations[a])
        .map((a) => `${d.key} (line ${d.line}) has no ${a}`),
    );
    expect(missing).toEqual([]);
  });

  test('describes every variable the code reads', () => {
    const undescribed = [...reads]
      .filter(([name]) => !described.has(name) && !(name in SHELL_ONLY))
      .map(
        ([name, files]) =>
          `${name}, read in ${files.join(', ')}: describe it in .env.example ` +
          '(or, if it must not go in .env, add it to SHELL_ONLY in tests/env-example.test.ts with why)',
      );
    expect(undescribed).toEqual([]);
  });

  test('describes nothing the code does not read', () => {
    expect([...described.keys()].filter((name) => !reads.has(name))).toEqual([]);
  });

  test('names each shell-only variable in its comments, and declares none of them', () => {
    const wrong = Object.keys(SHELL_ONLY).flatMap((name) => [
      ...(reads.has(name) ? [] : [`${name} is in SHELL_ONLY but nothing reads it: remove it`]),
      ...(described.has(name) ? [`${name} is declared, but belongs in the shell: ${SHELL_ONLY[name]}`] : []),
      ...(new RegExp(`\\b${name}\\b`).test(comments) ? [] : [`${name} is not named in the comments of .env.example`]),
    ]);
    expect(wrong).toEqual([]);
  });

  test('works as a .env: copied as is, or with every optional variable left empty, the configuration is valid', () => {
    const asIs = parseDotenv(EXAMPLE);
    const emptied = Object.fromEntries(
      parsed.declarations.map((d) => [d.key, d.annotations.required === 'true' ? asIs[d.key] : '']),
    );
    for (const env of [asIs, emptied]) {
      expect(loadConfig(env).problems.filter((p) => p.level === 'error')).toEqual([]);
    }
  });

  test('commits no secret or SID: those variables are empty', () => {
    const filled = parsed.declarations.filter(
      (d) => ['secret', 'sid'].includes(d.annotations.format ?? '') && d.value !== '',
    );
    expect(filled.map((d) => d.key)).toEqual([]);
  });
});

describe('the scan for variables read by the code', () => {
  test('finds each way of reading a variable, and not names that are only compared or mentioned', () => {
    const source = [
      "const a = env['ELEMENT_NAME'];",
      'const b = process.env.PORT + world.env.WORLD + context.FROM_CONTEXT;',
      "const c = setting(env, 'HELPER'); value(dotenv, 'FROM_DOTENV');",
      'const { DESTRUCTURED, RENAMED: local } = process.env;',
      "const NAMES = ['LISTED_NAME'] as const; one('PASSED_NAME', schema);",
      "if (err.code === 'ERR_COMPARED') {} switch (x) { case 'CASE_LABEL': }",
      "log('mentions SOME_NAME in a sentence'); const t = `${X_Y}`; const single = 'STOP';",
    ].join('\n');
    expect(readsIn('sample.ts', source).sort()).toEqual(
      [
        'DESTRUCTURED',
        'ELEMENT_NAME',
        'FROM_CONTEXT',
        'FROM_DOTENV',
        'HELPER',
        'LISTED_NAME',
        'PASSED_NAME',
        'PORT',
        'RENAMED',
        'WORLD',
      ].sort(),
    );
  });
});

describe('the configure-env reader', () => {
  test(
    'attaches the comment block right above a declaration, ' + 'and reports what configure-env would drop or reject',
    () => {
      const text = [
        '# A header, ended by the empty line.',
        '',
        '# description: Where to forward',
        '# format: list(phone_number)',
        '# required: false',
        'FORWARD_TO=+15005550006',
        '',
        '# description: annotations over a commented-out value',
        '# SOMETHING=1',
        '',
        '# format: phone',
        '# required: yes',
        '# link: console',
        'BAD=',
        'NO_COMMENTS',
        'WITH0ZERO=x',
      ].join('\n');
      const { declarations, problems } = parseEnvExample(text);
      expect(declarations.map((d) => [d.key, d.value, d.annotations])).toEqual([
        [
          'FORWARD_TO',
          '+15005550006',
          { description: 'Where to forward', format: 'list(phone_number)', required: 'false' },
        ],
        ['BAD', '', { format: 'phone', required: 'yes', link: 'console' }],
      ]);
      expect(problems.map((p) => p.replace(/:.*/, ''))).toEqual([
        'lines 8-9',
        'line 11',
        'line 12',
        'line 13',
        'line 15',
        'line 16',
      ]);
    },
  );
});
