/** /huongdan, the short help that answers what was not understood, and a word back to a greeting or thanks. */
import { textReply } from '../messages/reply.js';
import type { Answers } from './feature.js';

export const helpFeature = {
  answers: {
    help: ({ deps }) => Promise.resolve([textReply(deps.t('help'), deps.t('help-title'))]),
    unknown: ({ deps, message }) => Promise.resolve(message.addressed ? [textReply(deps.t('unknown', { text: message.text.trim().slice(0, 100) }))] : []),
    greeting: ({ deps }) => Promise.resolve([textReply(deps.t('greeting'))]),
    thanks: ({ deps }) => Promise.resolve([textReply(deps.t('thanks'))]),
  } satisfies Answers<'help' | 'unknown' | 'greeting' | 'thanks'>,
};
