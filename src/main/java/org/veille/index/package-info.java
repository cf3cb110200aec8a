/**
 * The Lucene index, derived from the store and rebuildable: French and English analysis (elision,
 * light stemming, stop words, accent and case folding), the query syntax of DESIGN §3 mapped onto
 * per-language fields, facets from doc values, snippets, and topic tagging with {@code
 * MemoryIndex}. {@link org.veille.index.Index} is what the rest of Veille sees; nothing outside
 * this package sees Lucene types.
 */
package org.veille.index;
