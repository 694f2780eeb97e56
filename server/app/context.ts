import type { AppConfig } from '../config/config';
import type { Loaders } from '../common/crud/loaders';
import type { Services } from './services';

/** What every resolver receives: the services, this request's DataLoaders and its id (for logs). */
export interface Context {
  services: Services;
  loaders: Loaders;
  requestId: string;
  config: AppConfig;
  /** Sets (token) or clears (null) a cookie on the HTTP response; absent outside HTTP. */
  setCookie?: (name: string, value: string | null) => void;
}
