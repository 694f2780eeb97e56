import pino from 'pino';
import { config } from '../config/config';

/** Structured JSON logs (pino) on stdout. */
export const logger = pino({ level: config.logLevel, base: { service: 'baiyin-registry' } });
