import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function ReviewQueue() {
  return <QueuePlaceholder title="nav.review" statuses={['reply_review']} />;
}
