/**
 * Reads {@code feeds.yaml} into immutable settings, topics and sources. Every problem found in the
 * file is a {@link org.veille.config.ConfigException} that names the file, the line and the field,
 * so that a user can fix it without reading code.
 */
package org.veille.config;
