/**
 * Reads {@code feeds.yaml} into immutable settings, topics and sources. Every problem found in the
 * file is a {@link org.veille.config.ConfigException} that names the file, the line and the field,
 * so that a user can fix it without reading code. Values that belong to another stage (cron
 * expressions, addresses, CSS selectors, topic queries) are judged by that stage through {@link
 * org.veille.config.Checks}; this package depends on no other.
 */
package org.veille.config;
