/**
 * The paper's workflow end to end (`npm run demo`): 73 seeded phantom composites (or your
 * TIFF images) -> U-Net phases -> particles -> graphs -> TPBs and channels -> descriptors
 * and metrics -> statistics -> GNN -> `out/` with CSV, Markdown, GraphML/JSON, SVG figures
 * and a self-contained `report.html`.
 *
 * Run: npx tsx examples/paper-workflow/index.ts --help
 */
import { MGraphError } from '@mgraph/core';
import { parseWorkflowArgs, USAGE } from './options.js';
import { runWorkflow } from './workflow.js';

try {
  const options = parseWorkflowArgs(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
  } else {
    // Ctrl-C stops the workers and the GNN cleanly; files already written stay whole.
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const summary = await runWorkflow(options, {
      log: (line) => console.log(line),
      signal: controller.signal,
    });
    console.log('');
    for (const line of summary.findings) console.log(`- ${line}`);
    console.log(
      `\n${summary.files.length} files in ${summary.out} (report: ${summary.out}/report.html), ${summary.seconds.total.toFixed(1)} s`,
    );
    if (summary.completed === 0) process.exitCode = 1;
  }
} catch (error) {
  // Bad options, a model that cannot be opened, or Ctrl-C: say why, without a stack trace.
  if (!MGraphError.isInstance(error)) throw error;
  const message = (error as Error).message;
  console.error(
    `paper-workflow: ${message}${message.startsWith('parseWorkflowArgs') ? `\n\n${USAGE}` : ''}`,
  );
  process.exitCode = 2;
}
