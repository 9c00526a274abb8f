// What a subscriber can be told. Events of a case come from the acts recorded on it (after each act, by
// the 'act.recorded' job); the gazette's from the publication of an issue.
export const WEBHOOK_EVENTS = {
  'status-changed': 'An act moved a case to another state',
  'time-limit-opened': 'An act opened a time limit on a case',
  'case-published': 'An act made a case public (an application published, a registration made known)',
  'gazette-issue-published': 'An issue of the official gazette was published',
} as const;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

/** A test delivery a subscriber asks for, to check its receiver. */
export const PING = 'ping';

/**
 * Waits before each retry of a failed delivery: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h. A delivery is
 * attempted at most BACKOFF_SECONDS.length + 1 times, then marked failed.
 */
export const BACKOFF_SECONDS = [60, 300, 1800, 7200, 21_600, 43_200, 86_400] as const;
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
