import type { Loaders } from '../common/crud/loaders';
import type { Services } from './services';

/** What every resolver receives: the services, this request's DataLoaders and its id (for logs). */
export interface Context {
  services: Services;
  loaders: Loaders;
  requestId: string;
}
