/**
 * Keeps the search index in step with the store: indexes what the store marks as new or changed,
 * commits, then marks it indexed (so a crash between the two is repaired by the next catch-up);
 * re-tags every item when a topic query changes; rebuilds the index from the store; reads snippet
 * texts back from the store. Depends on {@code store} and {@code index} only.
 */
package org.veille.sync;
