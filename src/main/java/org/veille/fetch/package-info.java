/**
 * HTTP only: conditional GET, robots.txt, per-host politeness, size caps, decompression and
 * retries. A fetch never throws for an expected outcome; it returns a {@link
 * org.veille.fetch.FetchOutcome} that says what happened, so that the crawl can record it and go
 * on.
 */
package org.veille.fetch;
