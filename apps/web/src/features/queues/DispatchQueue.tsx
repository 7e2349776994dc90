import { QueuePlaceholder } from './QueuePlaceholder';

/** Placeholder: the work-queue screen replaces this file. */
export default function DispatchQueue() {
  return <QueuePlaceholder title="nav.dispatch" statuses={['accepted', 'return_requested', 'closure_review']} />;
}
