/**
 * The store, source of truth of the watch, as aggregates behind {@link org.veille.store.Store}:
 * sources with their fetch state, log and crawl runs ({@link org.veille.store.SourceStore}), items
 * de-duplicated by canonical URL with the sources that carried them ({@link
 * org.veille.store.ItemStore}), the newsletter's {@link org.veille.store.DeliveryLedger}, and the
 * {@link org.veille.store.IndexMarks} that keep the search index in step. The {@code Sqlite*}
 * classes and {@code Migrations} implement them on one SQLite file; nothing outside this package
 * sees JDBC, and another database is another set of such classes.
 */
package org.veille.store;
