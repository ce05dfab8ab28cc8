/** What the calling thread sends for one try of one task. */
export interface TaskMessage {
  /** URL of the task module (`file:` URL or a URL Node can import). */
  moduleUrl: string;
  kind: string;
  input: unknown;
  key: string;
  /** 1 on the first try. */
  attempt: number;
}

/** The answer of one try. */
export type TryOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } };

/** Run one try of one task in this thread (see `run-task.mjs`). */
export default function runTask(message: TaskMessage, signal?: AbortSignal): Promise<TryOutcome>;
