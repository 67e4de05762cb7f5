// The few globals the core uses that every runtime it targets has (Node, Deno, browsers,
// Web Workers) but that the ES library does not declare. tsconfig.sim.json checks the core
// against ES2022 plus these, so a DOM or Node API used in sim/ is a type error.
declare function structuredClone<T>(value: T): T;
