import {
  type FusedStudy,
  type FuseStudyOptions,
  fuseStudy,
  type StudyToFuse,
} from "./fuse-study.ts";

/** fuseStudy as a worker-thread task: plain input in, progress out, typed arrays back. */
export function fuseStudyTask(
  input: { study: StudyToFuse; options: Omit<FuseStudyOptions, "onProgress"> },
  report: (progress: { fraction: number; message: string }) => void,
): FusedStudy {
  return fuseStudy(input.study, {
    ...input.options,
    onProgress: (fraction, message) => report({ fraction, message }),
  });
}
