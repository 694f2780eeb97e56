import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../../app/context';

/**
 * On every mutation: start with empty DataLoaders. graphql-js runs a request's mutations one after
 * another, so what a mutation returns (and the fields below it) never shows rows cached before it
 * wrote. Applied per mutation (not globally: a global middleware would wrap every field).
 */
export const FreshReads: MiddlewareFn<Context> = ({ context }, next) => {
  context.loaders.clear();
  return next();
};
