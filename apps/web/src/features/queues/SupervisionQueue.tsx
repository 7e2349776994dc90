import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function SupervisionQueue() {
  return <QueuePlaceholder title="nav.supervision" statuses={['handling', 'dispatched', 'suspended']} />;
}
