// Webhooks: subscribers are told of status changes, time limits opened, publications and gazette
// issues by signed HTTP deliveries the worker sends and retries, every attempt recorded.
export { WEBHOOK_EVENTS, EVENT_NAMES, BACKOFF_SECONDS, MAX_ATTEMPTS, type WebhookEvent } from './events.ts';
export { enqueueActDeliveries, enqueueGazetteDeliveries, officeNow } from './use-cases/enqueue.ts';
export { deliverDue, signature, type DeliveryDeps } from './use-cases/deliver.ts';
export {
  createSubscription, listSubscriptions, readSubscription, updateSubscription, renewSecret, deleteSubscription, ping, listDeliveries, listEvents,
  MAX_SUBSCRIPTIONS, type WebhooksDeps, type Subscriber,
} from './use-cases/subscriptions.ts';
export { checkWebhookUrl, isInternalAddress } from './url-policy.ts';
