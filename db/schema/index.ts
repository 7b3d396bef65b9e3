export * from "./common";
export * from "./reference";
export * from "./organisations";
export * from "./users";
export * from "./artists";
export * from "./pilots";
export * from "./system";
