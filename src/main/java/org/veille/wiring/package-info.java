/**
 * The composition root: the one place that names the implementations Veille runs on (the SQLite
 * store, the Lucene index, the HTTP fetcher, the steps of the enrichment chain) and the stages
 * whose checks feeds.yaml gets. Entry points build a {@link org.veille.wiring.Wiring} and hand it
 * to the use cases as their {@link org.veille.app.Backends}.
 */
package org.veille.wiring;
