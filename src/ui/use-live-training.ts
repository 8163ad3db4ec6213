import { useEffect, useRef } from 'react';
import { messagesFor } from '../i18n/messages.js';
import type { Action, SessionState } from './state.js';
import { FRAME_MS, liveSlice } from './training.js';

/** The least time between a frame and the next slice, in milliseconds. */
const IDLE_MS = 4;

/**
 * Runs live training while the session says so: one slice of epochs a
 * frame (`FRAME_MS`), each on a timer of its own, so that keys are read
 * between two slices and the screen stays responsive. Each slice starts
 * from the session as the last frame left it; a key that changes the
 * session or the network in the meantime sets the next slice going from
 * the new state, and the reducer drops the slice that no longer fits.
 */
export function useLiveTraining(
  state: SessionState,
  dispatch: (action: Action) => void,
): void {
  const { training, lesson, language } = state;
  const lastSlice = useRef(0);

  useEffect(() => {
    if (!training?.isRunning) return;
    // A frame every FRAME_MS, counted from the start of the last slice,
    // and never less than IDLE_MS after the last frame was drawn: when
    // drawing is slow, keys still find the event loop free.
    const due = lastSlice.current + FRAME_MS - performance.now();
    const wait = Math.max(IDLE_MS, due);
    const timer = setTimeout(() => {
      lastSlice.current = performance.now();
      const messages = messagesFor(language);
      const clock = () => performance.now();
      dispatch(liveSlice(training, lesson, messages, clock));
    }, wait);
    return () => clearTimeout(timer);
  }, [training, lesson, language, dispatch]);
}
