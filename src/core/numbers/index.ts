export * from './read';
export * from './format';
