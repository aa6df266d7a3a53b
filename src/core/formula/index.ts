export * from './ast';
export * from './parse';
export * from './interval';
export * from './excel';
export * from './derive';
