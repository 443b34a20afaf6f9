// How many transfers wait for the user's unit, for the badge beside "Por recibir".
import { api } from '../api/client';
import type { Page, Transfer } from '../api/types';
import { createPolledTotal } from './polledTotal';

const inbox = createPolledTotal(
  async () => (await api.get<Page<Transfer>>('/api/v1/inbox', { per_page: 1 })).total,
);

export const refreshInboxCount = inbox.refresh;
export const useInboxCount = inbox.use;
