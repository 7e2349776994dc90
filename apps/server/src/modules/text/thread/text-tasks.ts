import { detectHotTopics } from '@minsheng/text';
import type { HotTopic, HotTopicOptions, TopicAppeal } from '@minsheng/text';
import { trainAndEvaluate } from '../training/train-and-evaluate';
import type { TrainInput, TrainOutput } from '../training/train-and-evaluate';

/** The CPU-bound work that runs off the HTTP event loop, by name (the thread receives plain data only). */
export interface TextTasks {
  train: (input: TrainInput) => TrainOutput;
  hotTopics: (input: { appeals: TopicAppeal[]; options: HotTopicOptions }) => HotTopic[];
}

export const TEXT_TASKS: TextTasks = {
  train: trainAndEvaluate,
  hotTopics: ({ appeals, options }) => detectHotTopics(appeals, options),
};

export type TextTaskName = keyof TextTasks;

/** Runs a task by name; what the thread entry calls. */
export function runTextTask(name: string, input: unknown): unknown {
  const task = TEXT_TASKS[name as TextTaskName] as ((input: unknown) => unknown) | undefined;
  if (!task) throw new Error(`unknown text task ${name}`);
  return task(input);
}
