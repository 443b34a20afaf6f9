// How many online submissions wait at the user's desk, for the badge beside "Mesa virtual"
// (shown to those the server says handle them: Me.handles_submissions).
import { api } from '../api/client';
import type { Page, Submission } from '../api/types';
import { createPolledTotal } from './polledTotal';

const submissions = createPolledTotal(
  async () =>
    (await api.get<Page<Submission>>('/api/v1/submissions', { state: 'submitted', per_page: 1 })).total,
);

export const refreshSubmissionCount = submissions.refresh;
export const useSubmissionCount = submissions.use;
