// `npm run data -- inspect FILE [--json] [--write MODEL.yml]`: proposes a semantic model for a data file (DuckDB's
// sniffer + header words + a sample), with its reasons and what it could not decide, and tries loading the file
// with it. --write saves the model (YAML with the reasons as comments) for MODEL_PATH.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors.js';
import { inspectFile, inspectionYaml } from '../../warehouse/inference.js';

export async function dataCommand(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, write: { type: 'string' } },
  });
  const [action, file] = positionals;
  if (action !== 'inspect' || !file) {
    throw new AppError('INVALID_ARGUMENTS', `data: unknown action ${action ?? '(none)'}`, {
      hint: 'Usage : npm run data -- inspect FICHIER [--json] [--write modele.yml]',
    });
  }
  const inspection = await inspectFile(file);
  const yaml = inspectionYaml(inspection);
  if (values.write) writeFileSync(values.write, yaml);
  if (values.json) {
    const { model: _resolved, yaml: _text, ...rest } = inspection;
    console.log(
      JSON.stringify({ ...rest, model: inspection.modelFile, written: values.write ?? null }, null, 2),
    );
    return;
  }
  console.log(yaml);
  if (values.write)
    console.error(
      `Modèle écrit : ${values.write}. Utilisez-le avec MODEL_PATH=${values.write} (ou ask --model).`,
    );
}
