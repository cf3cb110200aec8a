/**
 * Near-duplicate stories: the MinHash {@link org.veille.cluster.Signature} of an item's text, its
 * LSH {@link org.veille.cluster.Bands} for candidate lookup, and the {@link
 * org.veille.cluster.ClusterRule} that decides which earlier item's cluster a new item joins. The
 * store keeps signatures, band keys and cluster ids; the index collapses a search to one hit per
 * cluster; the digest shows one entry per cluster.
 */
package org.veille.cluster;
