import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function HandlingQueue() {
  return <QueuePlaceholder title="nav.handling" statuses={['dispatched', 'handling', 'suspended']} />;
}
