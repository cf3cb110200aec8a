/**
 * The use cases: what a user does with Veille — crawl, build a week's digest, send the newsletter,
 * search, rebuild the index, export, read the status and the health of sources — each a class typed
 * on the {@code Store} and {@code Index} interfaces and the config records. The command line and
 * the daemon call the same classes. {@link org.veille.app.Context} says where a command runs;
 * {@link org.veille.app.Wiring} is the one place that knows which store and index implementations
 * are used. Nothing here prints.
 */
package org.veille.app;
