import { InvalidArgumentError } from '@mgraph/core';
import { Redis } from 'ioredis';

/**
 * Check a Redis URL (`redis://[user:password@]host[:port][/db]` or `rediss://` for TLS).
 *
 * @throws InvalidArgumentError naming `argument` (the value is shown without its password)
 */
export function checkRedisUrl(fn: string, argument: string, url: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (
    !parsed ||
    (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') ||
    !parsed.hostname
  ) {
    throw new InvalidArgumentError(
      fn,
      argument,
      typeof url === 'string' ? redactRedisUrl(url) : url,
      'a Redis URL such as "redis://127.0.0.1:6379" (or rediss:// for TLS)',
    );
  }
  return url as string;
}

/** The URL with its password replaced by `***`, for logs and errors. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/**
 * An ioredis connection for BullMQ that waits out a Redis restart: commands queue while it is
 * down (`maxRetriesPerRequest: null`) and ioredis reconnects with its default back-off (up to
 * 2 s between tries).
 */
export function openRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
