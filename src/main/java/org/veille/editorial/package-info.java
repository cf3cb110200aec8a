/**
 * The editorial week: an audience's draft of a week (pins, hides, moves, title and summary
 * overrides, added items, an édito, approval), applied to the ranked digest to give the letter
 * exactly as it is sent; the édito's Markdown-lite rendered safely for HTML, text and Markdown; and
 * the filters that keep an audience's items. No I/O: the store keeps drafts, the app runs them.
 */
package org.veille.editorial;
