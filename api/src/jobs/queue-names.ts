/** One BullMQ queue per kind of work, so fusion runs on CPU machines and training on GPU machines. */
export const queueNames = ["fusion", "training"] as const;

export type QueueName = (typeof queueNames)[number];
