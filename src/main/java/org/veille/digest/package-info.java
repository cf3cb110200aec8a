/**
 * The weekly digest: selects a period's items, ranks them as an editor would, groups them by topic,
 * and renders HTML for email, plain text, Markdown, JSON and the RSS archive of digests. No SMTP
 * here: {@code mail} sends what this package renders.
 */
package org.veille.digest;
