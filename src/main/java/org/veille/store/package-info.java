/**
 * The store, source of truth of the watch: sources with their fetch state and health, items
 * de-duplicated by canonical URL, the sources that carried each item, and a fetch log. {@link
 * org.veille.store.Store} is the interface the rest of Veille sees; {@link
 * org.veille.store.SqliteStore} implements it on one SQLite file in WAL mode. Nothing outside this
 * package sees JDBC.
 */
package org.veille.store;
