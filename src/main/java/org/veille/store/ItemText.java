package org.veille.store;

/** An item's language, title, summary and content (plain text, possibly empty), for snippets. */
public record ItemText(String id, String lang, String title, String summary, String content) {}
