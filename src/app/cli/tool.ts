// `npm run tool -- NAME ['{"json":"args"}'] [--json]`: runs one SQL tool directly, as the agent would.
import { parseArgs } from 'node:util';
import { ML_TOOLS, runTool, SQL_TOOLS } from '../../analysis/tools/registry.js';
import { AppError } from '../../core/errors.js';
import type { App } from '../app.js';
import { type CliIo, consoleIo } from './io.js';

export async function toolCommand(app: App, argv: string[], io: CliIo = consoleIo()): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [name, rawArgs] = positionals;
  if (!name) {
    io.out(`Outils : ${[...SQL_TOOLS, ...ML_TOOLS].map((tool) => tool.name).join(', ')}`);
    return;
  }
  let args: unknown = {};
  if (rawArgs) {
    try {
      args = JSON.parse(rawArgs);
    } catch {
      throw new AppError('INVALID_ARGUMENTS', `tool arguments are not JSON: ${rawArgs.slice(0, 80)}`);
    }
  }
  const output = await runTool(name, args, app.tools);
  if (values.json) io.out(JSON.stringify(output, null, 2));
  else io.out([output.summary, ...output.warnings].join('\n'));
}
