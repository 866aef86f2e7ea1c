export * from "./enums.ts";
export * from "./images.ts";
export * from "./labels.ts";
export * from "./runs.ts";
export * from "./studies.ts";
export * from "./users.ts";
