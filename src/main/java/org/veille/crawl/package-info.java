/**
 * A crawl run, and nothing else: for every due source, fetch → parse → enrich on a pool of workers,
 * hosts in parallel and each host politely in turn, then store and index on the single writer
 * thread, one source per transaction. A failing source, or a step of the enrichment chain that
 * breaks on it, becomes a status on that source; the run goes on.
 */
package org.veille.crawl;
