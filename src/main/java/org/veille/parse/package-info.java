/**
 * Bytes in, records out: RSS and Atom feeds through Rome, web pages through Jsoup and CSS
 * selectors. No I/O happens here; Rome and Jsoup types never leave this package. Every text field
 * comes out as clean plain text, every link absolute and canonical.
 */
package org.veille.parse;
