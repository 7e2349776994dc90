import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function CallbackQueue() {
  return <QueuePlaceholder title="nav.callback" statuses={['callback', 'answered']} />;
}
