/**
 * Bytes in, records out: RSS, Atom and JSON Feed through a streaming reader of our own (the JDK's
 * StAX, Jackson's streaming parser), web pages through Jsoup and CSS selectors. No I/O happens
 * here; StAX, Jackson and Jsoup types never leave this package. Every text field comes out as clean
 * plain text, every link absolute and canonical.
 */
package org.veille.parse;
