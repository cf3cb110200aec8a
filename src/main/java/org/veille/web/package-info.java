/**
 * {@code veille serve}: a small server-rendered web interface over the use cases of {@link
 * org.veille.app} (search, items, sources, status, the week's letter), on the JDK's HTTP server,
 * with Mustache templates and one stylesheet from the jar. Nothing here touches the store or the
 * index directly.
 */
package org.veille.web;
