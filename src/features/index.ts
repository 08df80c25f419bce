/**
 * The features, joined: which answers each request, which handles each button, and the steps that
 * take a message before its request is read. A request or action kind no feature covers fails here,
 * at the type check.
 */
import type { Action } from '../domain/actions.js';
import type { Request } from '../domain/request.js';
import type { Acts, Answers, Intercept } from './feature.js';
import { collectionFeature } from './collection.js';
import { helpFeature } from './help.js';
import { importsFeature } from './imports.js';
import { leaderReportFeature } from './leader-report.js';
import { publicationFeature } from './publication.js';
import { registrationFeature } from './registration.js';
import { scoresFeature } from './scores.js';
import { tasksFeature } from './tasks.js';
import { weighingFeature } from './weighing.js';

export const ANSWERS: Answers<Request['kind']> = {
  ...scoresFeature.answers,
  ...registrationFeature.answers,
  ...helpFeature.answers,
  ...importsFeature.answers,
  ...publicationFeature.answers,
  ...collectionFeature.answers,
  ...tasksFeature.answers,
  ...leaderReportFeature.answers,
  ...weighingFeature.answers,
};

export const ACTS: Acts<Action['kind']> = {
  ...scoresFeature.acts,
  ...importsFeature.acts,
  ...publicationFeature.acts,
  ...collectionFeature.acts,
  ...tasksFeature.acts,
};

/** In order: a conversation under way (a task being given, a note) first, then an import waiting for a letter or a period. */
export const INTERCEPTS: readonly Intercept[] = [tasksFeature.intercept, importsFeature.intercept];
