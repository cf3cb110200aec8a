/**
 * The enrichment chain: per-item steps between parse and store, each an {@link
 * org.veille.enrich.Enricher} that adds to the {@link org.veille.store.EnrichedItem}s one source
 * gave in a run (today: topic tagging, place tagging and call detection). The crawl runs the chain
 * on its worker threads and does not know the steps by name; the application's wiring lists them in
 * one place.
 */
package org.veille.enrich;
