/** Tasks in the chat (the talk itself is in task-talk.ts): the requests it answers and the buttons it handles. */
import type { Acts, Answers, Asked, Intercept } from './feature.js';
import {
  acceptSuggestion,
  answerClose,
  answerMove,
  answerOverdue,
  answerProgress,
  answerTaskReport,
  answerTasks,
  cancelConversation,
  continueConversation,
  startAssigning,
  taskAction,
  type TaskMessage,
} from './task-talk.js';

function taskMessage({ message }: Asked): TaskMessage {
  return { chat: message.chat, text: message.text, sender: message.sender ?? null };
}

/** The next step of /giaoviec or of a note under way. */
const continueTalk: Intercept = async (asked) => {
  const step = await continueConversation(asked.deps, taskMessage(asked), asked.known.state);
  return step ? [step] : null;
};

export const tasksFeature = {
  intercept: continueTalk,
  answers: {
    tasks: (asked) => answerTasks(asked.deps, taskMessage(asked)),
    assign: async (asked) => [await startAssigning(asked.deps, taskMessage(asked))],
    progress: async (asked, request) => [await answerProgress(asked.deps, taskMessage(asked), request.taskId)],
    close: async (asked, request) => [await answerClose(asked.deps, taskMessage(asked), request.taskId)],
    'task-report': async (asked, request) => [await answerTaskReport(asked.deps, taskMessage(asked), request)],
    move: async (asked, request) => [await answerMove(asked.deps, taskMessage(asked), request.taskId, request.deadlineText)],
    overdue: async (asked) => [await answerOverdue(asked.deps, taskMessage(asked))],
    cancel: async (asked) => [await cancelConversation(asked.deps, taskMessage(asked))],
  } satisfies Answers<'tasks' | 'assign' | 'progress' | 'close' | 'task-report' | 'move' | 'overdue' | 'cancel'>,
  acts: {
    task: async ({ deps, chat, sender }, action) => ({ replies: [await taskAction(deps, chat, sender, action)] }),
    suggestion: async ({ deps, chat, sender }, action) => ({ replies: [await acceptSuggestion(deps, chat, sender, action)] }),
  } satisfies Acts<'task' | 'suggestion'>,
};
