import { useCall } from '../../app/api';
import { isSessionError } from '../../app/errors';

const POLL_MS = 300;

/**
 * Follows a background job (integrity check, audit verification) until it ends. Polls jobs.get
 * every 300 ms while it runs; a locked screen only pauses the polling (it resumes after unlock).
 */
export function useJob(jobId: string | null) {
  return useCall(
    'jobs.get',
    { id: jobId ?? '-' },
    {
      enabled: jobId !== null,
      staleTime: 0,
      gcTime: 60_000,
      refetchInterval: (query) => {
        const { data, error } = query.state;
        if (error) return isSessionError(error) ? 2_000 : false;
        return !data || data.state === 'running' ? POLL_MS : false;
      },
    },
  );
}
