/** The feedback fields a panel shows around a server action: a busy flag, an error and a status line. */
export interface ActionFeedback {
  busy: boolean;
  error: string;
  status: string;
}

/**
 * Runs one action at a time for a panel: ignored while another is running, clears the previous
 * error and status, and turns a failure into the panel's error line. The host is a Lit element
 * whose reactive properties these are, so each assignment re-renders it.
 */
export async function runAction(host: ActionFeedback, action: () => Promise<void>, describeError: (error: unknown) => string): Promise<void> {
  if (host.busy) return;
  host.busy = true;
  host.error = '';
  host.status = '';
  try {
    await action();
  } catch (error) {
    host.error = describeError(error);
  } finally {
    host.busy = false;
  }
}
