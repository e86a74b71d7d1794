import { useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import type { Api, ChannelName, InputOf, OutputOf, Result } from './contract';
import { ApiError, fieldPath, isSessionError, messageOf } from './errors';
import { createHttpApi } from './httpApi';
import { queryClient } from './queryClient';
import { getSession, setSession } from './session';

// Desktop: the preload's functions (IPC, token kept in the preload). Browser: the same shape over HTTP.
export const api: Api = window.registry ?? createHttpApi();

export const transportKind: 'ipc' | 'http' = window.registry ? 'ipc' : 'http';

const loggedIn = (): boolean => ['ready', 'locked', 'mustChangePassword'].includes(getSession().phase);

/**
 * Every refusal that concerns the session itself moves the whole app to the right screen, whichever
 * page made the call: the page then simply sees a failed call and shows nothing more.
 */
function applySessionError(error: ApiError): void {
  const phase = getSession().phase;
  if (error.code === 'UNAUTHENTICATED') {
    if (!loggedIn()) return; // the start-up probe or the login screen itself: nothing to leave
    // Drop everything cached for this user: the next person at the counter must not see it.
    queryClient.clear();
    setSession({ phase: 'login', me: null, notice: error.message });
  } else if (error.code === 'SESSION_LOCKED') {
    if (phase === 'ready' || phase === 'mustChangePassword') setSession({ phase: 'locked' });
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    if (phase === 'ready') setSession({ phase: 'mustChangePassword' });
  }
}

/** Calls a channel and unwraps its Result: the value, or an ApiError thrown. */
export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  let result: Result<OutputOf<C>>;
  try {
    const fn = api[channel] as (i: InputOf<C>) => Promise<Result<OutputOf<C>>>;
    result = await fn(input);
  } catch (e) {
    // IPC itself failed (main process gone, preload mismatch): not a refusal, a broken link.
    throw new ApiError({ code: 'UNAVAILABLE', message: `无法连接到业务服务：${e instanceof Error ? e.message : String(e)}` });
  }
  if (result.ok) return result.value;
  const error = new ApiError(result.error);
  if (isSessionError(error)) applySessionError(error);
  throw error;
}

type CallOptions<C extends ChannelName> = Omit<UseQueryOptions<OutputOf<C>, ApiError, OutputOf<C>>, 'queryKey' | 'queryFn'>;

/** A read through TanStack Query, keyed by channel and input (invalidate with `[channel]`). */
export function useCall<C extends ChannelName>(channel: C, input: InputOf<C>, options?: CallOptions<C>) {
  return useQuery<OutputOf<C>, ApiError, OutputOf<C>>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    ...options,
  });
}

/**
 * Shows a failure the way the clerk needs it: a message, and, when the service names the field,
 * the same message under that field of the form. Session refusals are left to the screen change.
 */
export function useReportError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (isSessionError(error)) return;
      const text = messageOf(error);
      if (form && error instanceof ApiError && error.field) {
        const name = fieldPath(error.field);
        form.setFields([{ name, errors: [text] }]);
        form.scrollToField(name);
        form.focusField(name);
      }
      void message.error(text);
    },
    [message],
  );
}

export interface MutateOptions<C extends ChannelName> {
  /** Server errors that name a field are shown on this form. */
  form?: FormInstance;
  /** Shown when the call succeeds. */
  success?: string;
  /** The page shows the error itself (e.g. an Alert on the login screen): no toast. */
  quiet?: boolean;
  /** Queries (by channel) to refresh after success. */
  invalidates?: ChannelName[];
  onSuccess?: (value: OutputOf<C>, input: InputOf<C>) => void;
  onError?: (error: ApiError) => void;
}

/** A write. `isPending` is what disables the submit button: nothing is ever sent twice. */
export function useMutate<C extends ChannelName>(channel: C, options: MutateOptions<C> = {}) {
  const { message } = App.useApp();
  const report = useReportError();
  return useMutation<OutputOf<C>, ApiError, InputOf<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: (value, input) => {
      for (const c of options.invalidates ?? []) void queryClient.invalidateQueries({ queryKey: [c] });
      if (options.success) void message.success(options.success);
      options.onSuccess?.(value, input);
    },
    onError: (error) => {
      if (!options.quiet) report(error, options.form);
      options.onError?.(error);
    },
  });
}
