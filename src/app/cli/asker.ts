// Who asks from the command line: the operating-system account (`cli:<username>`), for the audit log and the
// rate limit. userInfo() throws on an account without a passwd entry (some containers): then `cli:unknown`.
import { userInfo } from 'node:os';
import type { Asker } from '../../core/question.js';

export function cliAsker(): Asker {
  try {
    const name = userInfo().username;
    return { id: `cli:${name || 'unknown'}` };
  } catch {
    return { id: 'cli:unknown' };
  }
}
