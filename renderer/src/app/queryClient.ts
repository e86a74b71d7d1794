import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

// A refusal from the service (ApiError) is deliberate and would be refused again: never retry it.
// Only transport hiccups get one more try.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError) && count < 1,
      // Counter PCs switch windows constantly (scanner tools, ID card readers); refetching on every
      // focus would flood the service for nothing. Pages refresh what they change.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});
