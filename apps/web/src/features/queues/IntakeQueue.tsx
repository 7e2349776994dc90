import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function IntakeQueue() {
  return <QueuePlaceholder title="nav.intake" statuses={['registered', 'accepted']} />;
}
